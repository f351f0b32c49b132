/**
 * The trail's filters: an entity type and id, a user, a range of days. Typed values are applied
 * together (Enter or "Apply") into the URL, so a filtered view is a link; "Clear" empties them.
 * The page keys it by the URL's filters, so a link or the back button refills the fields.
 */
import { Alert, Button, Group, Select, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { badRange, ENTITY_TYPES, type AuditFilters as Filters } from "./audit-model.js";

export function AuditFilters({ filters, onApply }: { filters: Filters; onApply: (f: Filters) => void }) {
  const { t } = useTranslation("adminAudit");
  const [draft, setDraft] = useState<Filters>(filters);
  const set = (k: keyof Filters, v: string | null) =>
    setDraft((d) => ({ ...d, [k]: v?.trim() ? v : undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badRange(draft)) onApply({ ...draft, entityId: draft.entityId?.trim(), actor: draft.actor?.trim() });
  };
  const types = [...new Set([...ENTITY_TYPES, ...(filters.entityType ? [filters.entityType] : [])])];
  return (
    <search aria-label={t("filters.label")}>
      <form onSubmit={submit} className="audit-filters">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t("filters.entityType")}
            placeholder={t("filters.anyType")}
            data={types.map((v) => ({ value: v, label: t(`entity.${v}`, { defaultValue: v }) }))}
            value={draft.entityType ?? null}
            onChange={(v) => set("entityType", v)}
            clearable
            w={{ base: "100%", sm: 200 }}
          />
          <TextInput
            label={t("filters.entityId")}
            value={draft.entityId ?? ""}
            onChange={(e) => set("entityId", e.currentTarget.value)}
            maxLength={200}
            w={{ base: "100%", sm: 260 }}
          />
          <TextInput
            label={t("filters.actor")}
            value={draft.actor ?? ""}
            onChange={(e) => set("actor", e.currentTarget.value)}
            maxLength={200}
            autoComplete="off"
            w={{ base: "100%", sm: 200 }}
          />
          <TextInput
            type="date"
            label={t("filters.from")}
            value={draft.from ?? ""}
            onChange={(e) => set("from", e.currentTarget.value)}
            w={{ base: "100%", xs: 160 }}
          />
          <TextInput
            type="date"
            label={t("filters.to")}
            value={draft.to ?? ""}
            onChange={(e) => set("to", e.currentTarget.value)}
            w={{ base: "100%", xs: 160 }}
          />
          <Group gap="xs">
            <Button type="submit">{t("filters.apply")}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft({});
                onApply({});
              }}
            >
              {t("filters.clear")}
            </Button>
          </Group>
        </Group>
        {badRange(draft) && (
          <Alert color="orange" mt="xs" role="alert">
            {t("filters.badRange")}
          </Alert>
        )}
      </form>
    </search>
  );
}
