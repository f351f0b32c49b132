/**
 * Keyset paging over `nextCursor` (the review queue, the audit trail): the cursors of the pages
 * seen are kept so "previous" goes back without the server counting offsets. The owner keys it by
 * its filters so it starts over.
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
  const { t } = useTranslation();
  const first = (pages.page - 1) * pageSize + (shown > 0 ? 1 : 0);
  const last = (pages.page - 1) * pageSize + shown;
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <Group justify="space-between" gap="xs" wrap="wrap" role="navigation" aria-label={t("pager.label")}>
      <Text size="sm" c="gray.7" aria-live="polite">
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
