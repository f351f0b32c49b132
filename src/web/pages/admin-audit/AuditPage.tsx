/**
 * /admin/audit (issue 15, item 5): the audit trail newest first, filtered by entity, user and days
 * — all in the URL, with the open entry — a page at a time; each entry opens with its before and
 * after as a diff, a bulk one (an import) with the rows it wrote; and, for those whose session may,
 * the chain's verification with its result in words.
 */
import { Alert, Stack } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useAuditList } from "../../api/admin-audit.js";
import { useSession } from "../../api/session.js";
import { Pager, useCursorPages } from "../../components/CursorPager.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { AuditFilters } from "./AuditFilters.js";
import { AuditTable } from "./AuditTable.js";
import { auditQuery, type AuditFilters as Filters } from "./audit-model.js";
import { EntryDialog } from "./EntryDialog.js";
import { VerifyPanel } from "./VerifyPanel.js";
import "./strings.js";
import "./audit.css";

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation("adminAudit");
  const search = useSearch({ from: "/admin/audit" });
  const navigate = useNavigate({ from: "/admin/audit" });
  const can = useSession().data?.can;
  const filters: Filters = {
    entityType: search.entityType,
    entityId: search.entityId,
    actor: search.actor,
    from: search.from,
    to: search.to,
  };
  const key = JSON.stringify(filters);
  // New filters drop the open entry: it may not be among the entries they show.
  const apply = (f: Filters) => void navigate({ search: { ...f } });
  const open = (entry: number | undefined) => void navigate({ search: (p) => ({ ...p, entry }) });

  return (
    <AdminFrame area="audit" title={t("title")} intro={t("intro")}>
      <Stack gap="md">
        {can?.verifyAudit && <VerifyPanel />}
        <AuditFilters key={`filters ${key}`} filters={filters} onApply={apply} />
        <AuditEntries
          key={`entries ${key}`}
          filters={filters}
          onOpen={open}
          onActor={(actor) => apply({ ...filters, actor })}
        />
      </Stack>
      <EntryDialog
        seq={search.entry}
        onClose={() => open(undefined)}
        onEntity={(entityType, entityId) => apply({ entityType, entityId })}
      />
    </AdminFrame>
  );
}

function AuditEntries({
  filters,
  onOpen,
  onActor,
}: {
  filters: Filters;
  onOpen: (seq: number) => void;
  onActor: (actor: string) => void;
}) {
  const { t } = useTranslation("adminAudit");
  const pages = useCursorPages();
  const list = useAuditList(auditQuery(filters, PAGE_SIZE, pages.cursor));
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNote error={list.error} />;
  const { items, total, nextCursor } = list.data;
  if (items.length === 0) return <Alert color="gray">{t("list.empty")}</Alert>;
  return (
    <Stack gap="xs">
      <AuditTable entries={items} onOpen={onOpen} onActor={onActor} />
      <Pager pages={pages} nextCursor={nextCursor} total={total} shown={items.length} pageSize={PAGE_SIZE} />
    </Stack>
  );
}
