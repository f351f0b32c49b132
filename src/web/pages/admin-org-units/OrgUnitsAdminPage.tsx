/**
 * /admin/org-units (issue 15, item 2): the tree of units with search and filters, and the selected
 * unit's panel — details, lineage, profile — with create, edit and retire offered by the `can`
 * flags the API presents. Everything a view depends on (unit, tab, search, kind, retired) is in
 * the URL.
 */
import { Button, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllOrgUnits } from "../../api/admin-org-units.js";
import { useSession } from "../../api/session.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { matchesFilter, type TreeFilter } from "./tree-model.js";
import { UnitFilters } from "./UnitFilters.js";
import { UnitFormModal, type UnitFormMode } from "./UnitFormModal.js";
import { UnitPanel } from "./UnitPanel.js";
import { UnitTree } from "./UnitTree.js";
import "./admin-org-units.css";
import "./strings.js";

export function OrgUnitsAdminPage() {
  const { t } = useTranslation("adminOrgUnits");
  const search = useSearch({ from: "/admin/org-units" });
  const navigate = useNavigate({ from: "/admin/org-units" });
  const can = useSession().data?.can;
  const units = useAllOrgUnits();
  const [form, setForm] = useState<UnitFormMode | null>(null);
  const filter = useMemo<TreeFilter>(
    () => ({ q: search.q, kind: search.kind, retired: search.retired === 1 }),
    [search.q, search.kind, search.retired],
  );
  const list = units.data ?? [];
  const shownCount = useMemo(() => list.filter((u) => matchesFilter(u, filter)).length, [list, filter]);

  const setFilter = (next: Partial<TreeFilter>) =>
    void navigate({
      search: (p) => ({
        ...p,
        ...("q" in next ? { q: next.q } : {}),
        ...("kind" in next ? { kind: next.kind as typeof p.kind } : {}),
        ...("retired" in next ? { retired: next.retired ? (1 as const) : undefined } : {}),
      }),
      replace: true,
    });
  const select = (code: string, tab?: "details" | "lineage" | "profile") =>
    void navigate({ search: (p) => ({ ...p, unit: code, tab }) });

  return (
    <AdminFrame
      area="orgUnits"
      title={t("title")}
      intro={t("intro")}
      actions={
        can?.administerOrgUnits && (
          <Button onClick={() => setForm({ mode: "create", parent: search.unit ?? "" })}>
            {t("newUnit")}
          </Button>
        )
      }
    >
      <UnitFilters filter={filter} onChange={setFilter} />
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorNote error={units.error} />
      ) : (
        <div className="ou-layout">
          <section className="ou-tree-pane" aria-labelledby="ou-tree-count">
            <Text id="ou-tree-count" size="sm" c="gray.7" role="status">
              {t("tree.count", { shown: shownCount, total: list.length })}
            </Text>
            <Text size="xs" c="gray.7" className="ou-keys">
              {t("tree.keys")}
            </Text>
            <div className="ou-tree-scroll">
              <UnitTree
                units={list}
                filter={filter}
                selected={search.unit}
                onSelect={(c) => select(c, search.tab)}
              />
            </div>
          </section>
          <section className="ou-panel" aria-label={t("panel.tabs")}>
            {search.unit ? (
              <UnitPanel
                key={search.unit}
                code={search.unit}
                tab={search.tab ?? "details"}
                units={list}
                onTab={(tab) => select(search.unit ?? "", tab === "details" ? undefined : tab)}
                onOpen={(c, tab) => select(c, tab)}
                onEdit={(unit) => setForm({ mode: "edit", unit })}
                onAddChild={(parent) => setForm({ mode: "create", parent })}
                canCreate={!!can?.administerOrgUnits}
              />
            ) : (
              <Text c="gray.7">{t("panel.pick")}</Text>
            )}
          </section>
        </div>
      )}
      {form && (
        <UnitFormModal
          mode={form}
          units={list}
          onClose={() => setForm(null)}
          onCreated={(code) => {
            setForm(null);
            select(code);
          }}
        />
      )}
    </AdminFrame>
  );
}
