/**
 * One entry, opened from the list (its number is in the URL, so it is a link): the facts, the
 * reason, the before and after as a field diff, and for a bulk entry (an import) the rows it
 * wrote, each with its value before and after, a page at a time.
 */
import { Anchor, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type AuditEntryWithRows, type BulkRow, useAuditEntry } from "../../api/admin-audit.js";
import { ChangeDiff } from "../../components/ChangeDiff.js";
import { Pager, useCursorPages } from "../../components/CursorPager.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime, formatNumber } from "../../lib/format.js";
import { Fact } from "../system/drill-shared.js";
import { actionName } from "./action-name.js";
import { entityLink, reasonOf } from "./audit-model.js";
import { EntityRef } from "./EntityRef.js";

const ROWS_PAGE = 50;

export function EntryDialog({
  seq,
  onClose,
  onEntity,
}: {
  seq: number | undefined;
  onClose: () => void;
  onEntity: (type: string, id: string) => void;
}) {
  const { t } = useTranslation("adminAudit");
  return (
    <Modal
      opened={seq !== undefined}
      onClose={onClose}
      size="xl"
      title={seq !== undefined ? t("list.openNamed", { seq }) : ""}
      closeButtonProps={{ "aria-label": t("close") }}
    >
      {/* Keyed by the entry: its rows' pages start over for another one. */}
      {seq !== undefined && <EntryBody key={seq} seq={seq} onEntity={onEntity} />}
    </Modal>
  );
}

function EntryBody({ seq, onEntity }: { seq: number; onEntity: (type: string, id: string) => void }) {
  const { t } = useTranslation("adminAudit");
  const lang = currentLanguage();
  const pages = useCursorPages();
  const entry = useAuditEntry(seq, { limit: ROWS_PAGE, ...(pages.cursor ? { cursor: pages.cursor } : {}) });
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <ErrorNote error={entry.error} />;
  const e = entry.data;
  const reason = reasonOf(e);
  const userLink = e.actorUserId ? entityLink("user", e.actorUserId) : null;
  return (
    <Stack gap="md" className="audit-entry" data-seq={e.seq}>
      <Title order={3} size="h4">
        {t("entry.title", { seq: e.seq, action: actionName(t, e.action) })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="dl" m={0}>
        <Fact label={t("entry.when")}>{formatDateTime(e.at, lang)}</Fact>
        <Fact label={t("entry.who")}>
          {userLink ? <Anchor renderRoot={(p) => <Link {...p} {...userLink} />}>{e.actor}</Anchor> : e.actor}
        </Fact>
        <Fact label={t("entry.role")}>{e.role ?? t("entry.none")}</Fact>
        <Fact label={t("entry.entity")}>
          <EntityRef type={e.entityType} id={e.entityId} />
        </Fact>
        {reason && <Fact label={t("entry.reason")}>{reason}</Fact>}
        {e.rowCount !== null && <Fact label={t("entry.rowCount")}>{formatNumber(e.rowCount, lang)}</Fact>}
        <Fact label={t("entry.request")}>{e.requestId ?? t("entry.none")}</Fact>
        <Fact label={t("entry.address")}>{e.ip ?? t("entry.none")}</Fact>
        {e.fileHash && (
          <Fact label={t("entry.fileHash")}>
            <span className="audit-hash">{e.fileHash}</span>
          </Fact>
        )}
        <Fact label={t("entry.hash")}>
          <span className="audit-hash">{e.hash}</span>
        </Fact>
      </SimpleGrid>
      {e.entityId && (
        <Group>
          <Button size="xs" variant="default" onClick={() => onEntity(e.entityType, e.entityId ?? "")}>
            {t("list.filterEntity")}
          </Button>
        </Group>
      )}
      <Title order={4} size="h5">
        {t("entry.changes")}
      </Title>
      <ChangeDiff before={e.before} after={e.after} label={t("entry.diffLabel", { seq: e.seq })} />
      {e.rows && <BulkRows entry={e} rows={e.rows} pages={pages} />}
    </Stack>
  );
}

function BulkRows({
  entry,
  rows,
  pages,
}: {
  entry: AuditEntryWithRows;
  rows: NonNullable<AuditEntryWithRows["rows"]>;
  pages: ReturnType<typeof useCursorPages>;
}) {
  const { t } = useTranslation("adminAudit");
  const lang = currentLanguage();
  const show = (v: BulkRow["after"] | null) => {
    if (!v) return t("entry.newValue");
    const value = typeof v.value === "number" ? formatNumber(v.value, lang) : String(v.value ?? "—");
    return `${value} · ${t(`entry.status.${v.status}`, { defaultValue: v.status })} · v${v.version}`;
  };
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t("entry.rows")}
      </Title>
      <div className="table-scroll audit-rows">
        <Table striped withTableBorder verticalSpacing={4}>
          <caption className="visually-hidden">{t("entry.rowsCaption", { seq: entry.seq })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("entry.indicator")}</Table.Th>
              <Table.Th scope="col">{t("entry.unit")}</Table.Th>
              <Table.Th scope="col">{t("entry.period")}</Table.Th>
              <Table.Th scope="col">{t("entry.before")}</Table.Th>
              <Table.Th scope="col">{t("entry.after")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.items.map((r) => (
              <Table.Tr key={`${r.observationId}-${r.after.version}`}>
                <Table.Td>
                  {r.indicator}
                  {Object.keys(r.disaggregation).length > 0 && (
                    <Text size="xs" c="gray.7">
                      {Object.entries(r.disaggregation)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(", ")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.unit}</Table.Td>
                <Table.Td className="audit-nowrap">{r.period}</Table.Td>
                <Table.Td className="audit-nowrap">
                  {r.before ? <del>{show(r.before)}</del> : show(null)}
                </Table.Td>
                <Table.Td className="audit-nowrap">
                  <ins>{show(r.after)}</ins>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Pager
        pages={pages}
        nextCursor={rows.nextCursor}
        total={rows.total}
        shown={rows.items.length}
        pageSize={ROWS_PAGE}
      />
    </Stack>
  );
}
