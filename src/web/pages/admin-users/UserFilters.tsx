/**
 * The list's filters, in the URL: words (searched when submitted, so each keystroke is not a
 * request), status and role (applied when chosen).
 */
import { Button, Group, Select, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ListSearch, ROLES, STATUSES } from "./users-model.js";

export function UserFilters({ search }: { search: Partial<ListSearch> }) {
  const { t } = useTranslation("adminUsers");
  const navigate = useNavigate({ from: "/admin/users" });
  const [q, setQ] = useState(search.q ?? "");
  useEffect(() => setQ(search.q ?? ""), [search.q]);
  const set = (patch: Partial<ListSearch>) =>
    void navigate({ search: (p) => ({ ...p, ...patch }), replace: true });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() || undefined });
  };

  return (
    <form onSubmit={submit} aria-label={t("filter.label")} className="users-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("filter.q")}
          placeholder={t("filter.qPlaceholder")}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
        <Button type="submit" variant="default">
          {t("filter.search")}
        </Button>
        <Select
          label={t("filter.status")}
          placeholder={t("filter.allStatuses")}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => set({ status: STATUSES.find((s) => s === v) })}
          clearable
          w={{ base: "100%", sm: 200 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t("filter.role")}
          placeholder={t("filter.allRoles")}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={search.role ?? null}
          onChange={(v) => set({ role: ROLES.find((r) => r === v) })}
          clearable
          w={{ base: "100%", sm: 280 }}
          comboboxProps={{ withinPortal: true }}
        />
        {(search.q || search.status || search.role) && (
          <Button variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
            {t("filter.clear")}
          </Button>
        )}
      </Group>
    </form>
  );
}
