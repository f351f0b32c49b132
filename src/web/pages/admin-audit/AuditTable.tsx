/**
 * A page of entries, newest first, as a table that scrolls inside its box on a phone: number,
 * when, who, action, entity (linked), reason, and a button opening the entry with its diff.
 */
import { Button, Table, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../api/admin-audit.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { actionName } from "./action-name.js";
import { isBulk, reasonOf } from "./audit-model.js";
import { EntityRef } from "./EntityRef.js";

export function AuditTable({
  entries,
  onOpen,
  onActor,
}: {
  entries: AuditEntry[];
  onOpen: (seq: number) => void;
  /** Narrows the trail to one user's entries. */
  onActor: (actor: string) => void;
}) {
  const { t } = useTranslation("adminAudit");
  const lang = currentLanguage();
  return (
    <div className="table-scroll audit-table">
      <Table striped withTableBorder verticalSpacing={6}>
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("list.seq")}</Table.Th>
            <Table.Th scope="col">{t("list.when")}</Table.Th>
            <Table.Th scope="col">{t("list.who")}</Table.Th>
            <Table.Th scope="col">{t("list.action")}</Table.Th>
            <Table.Th scope="col">{t("list.entity")}</Table.Th>
            <Table.Th scope="col">{t("list.reason")}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t("list.open")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.seq} data-seq={e.seq} data-action={e.action}>
              <Table.Td className="audit-nowrap">{e.seq}</Table.Td>
              <Table.Td className="audit-nowrap">{formatDateTime(e.at, lang)}</Table.Td>
              <Table.Td>
                <UnstyledButton
                  className="audit-actor"
                  onClick={() => onActor(e.actor)}
                  title={t("list.filterUser", { who: e.actor })}
                  aria-label={`${e.actor} — ${t("list.filterUser", { who: e.actor })}`}
                >
                  {e.actor}
                </UnstyledButton>
                {e.role && (
                  <Text size="xs" c="gray.7">
                    {e.role}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {/* The action in words where it has a name (its code below, as filters and the API say it). */}
                <Text size="sm">{actionName(t, e.action)}</Text>
                <Text size="xs" ff="monospace" c="gray.7" className="audit-action">
                  {e.action}
                </Text>
                {isBulk(e) && e.rowCount !== null && (
                  <Text size="xs" fw={600} c="blue.9">
                    {t("list.rows", { count: e.rowCount })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="audit-entity">
                <EntityRef type={e.entityType} id={e.entityId} />
              </Table.Td>
              <Table.Td className="audit-reason">{reasonOf(e) ?? ""}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onOpen(e.seq)}
                  aria-label={t("list.openNamed", { seq: e.seq })}
                >
                  {t("list.open")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
