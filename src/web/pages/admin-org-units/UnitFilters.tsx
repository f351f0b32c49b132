/**
 * The tree's search (code or name, accents optional), kind filter and "show retired", all in the
 * URL. The search box writes the URL a moment after typing stops, so each key does not add a step.
 */
import { Button, Checkbox, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { KIND_ORDER, type TreeFilter } from "./tree-model.js";

export function UnitFilters({
  filter,
  onChange,
}: {
  filter: TreeFilter;
  onChange: (next: Partial<TreeFilter>) => void;
}) {
  const { t } = useTranslation("adminOrgUnits");
  const [q, setQ] = useState(filter.q ?? "");
  // The URL changed elsewhere (back, the clear button): the box follows.
  useEffect(() => setQ(filter.q ?? ""), [filter.q]);
  const writeQ = useDebouncedCallback((v: string) => onChange({ q: v.trim() ? v : undefined }), 200);
  const kinds = KIND_ORDER.map((k) => ({ value: k, label: t(`kind.${k}`) }));

  return (
    <search aria-label={t("filters.label")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t("filters.search")}
          description={t("filters.searchHelp")}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            writeQ(e.currentTarget.value);
          }}
          w={{ base: "100%", sm: 320 }}
          maxLength={100}
          autoComplete="off"
        />
        <Select
          label={t("filters.kind")}
          placeholder={t("filters.allKinds")}
          data={kinds}
          value={filter.kind ?? null}
          onChange={(v) => onChange({ kind: v ?? undefined })}
          clearable
          w={{ base: "100%", sm: 240 }}
        />
        <Checkbox
          label={t("filters.retired")}
          checked={!!filter.retired}
          onChange={(e) => onChange({ retired: e.currentTarget.checked || undefined })}
          mb={8}
        />
        {(filter.q || filter.kind || filter.retired) && (
          <Button
            variant="subtle"
            size="compact-sm"
            mb={6}
            onClick={() => onChange({ q: undefined, kind: undefined, retired: undefined })}
          >
            {t("filters.clear")}
          </Button>
        )}
      </Group>
    </search>
  );
}
