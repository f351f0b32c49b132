/**
 * Keyset paging (GET /observations answers a `nextCursor`): the cursors of the pages seen are kept,
 * so "previous" goes back without the server counting offsets. Starts over when the filters change
 * (the tab is keyed by them).
 */
import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export function useCursorPages() {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    next: (c: string) => setCursors((s) => [...s, c]),
    back: () => setCursors((s) => s.slice(0, -1)),
  };
}

export function Pager({
  pages,
  nextCursor,
  total,
  shown,
  pageSize,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null;
  total: number;
  shown: number;
  pageSize: number;
}) {
  const { t } = useTranslation("review");
  const first = (pages.page - 1) * pageSize + (shown > 0 ? 1 : 0);
  const last = (pages.page - 1) * pageSize + shown;
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("pager.range", { first, last, total })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={pages.page === 1} onClick={pages.back}>
          {t("pager.previous")}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!nextCursor}
          onClick={() => {
            if (nextCursor) pages.next(nextCursor);
          }}
        >
          {t("pager.next")}
        </Button>
      </Group>
    </Group>
  );
}
