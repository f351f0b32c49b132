/**
 * The issued tokens as a table that scrolls inside its box on a phone: what each may do, for how
 * long, when it was last used, its status and who issued it; "Revoke" where the API's flag allows.
 */
import { Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Token } from "../../api/admin-tokens.js";
import { statusColor } from "../../components/status.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate, formatDateTime } from "../../lib/format.js";
import { useUnitNames } from "../system/drill-shared.js";
import { actionKey } from "./token-model.js";

// The dashboard's status colours, chosen for 4.5:1 contrast (also on the striped rows).
const STATUS_COLOR = {
  active: statusColor.achieved,
  expired: statusColor.no_data,
  revoked: statusColor.off_track,
} as const;
const STATUS_MARK = { active: "●", expired: "○", revoked: "✕" } as const;

export function TokenTable({
  tokens,
  total,
  onRevoke,
}: {
  tokens: Token[];
  total: number;
  onRevoke: (t: Token) => void;
}) {
  const { t } = useTranslation("adminTokens");
  const lang = currentLanguage();
  const unitName = useUnitNames();
  return (
    <>
      <Text size="sm" c="gray.7" aria-live="polite">
        {t("list.shown", { count: tokens.length, total })}
      </Text>
      <div className="table-scroll tokens-table">
        <Table striped withTableBorder verticalSpacing={6}>
          <caption className="visually-hidden">{t("list.caption")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("list.name")}</Table.Th>
              <Table.Th scope="col">{t("list.unit")}</Table.Th>
              <Table.Th scope="col">{t("list.scopes")}</Table.Th>
              <Table.Th scope="col">{t("list.expires")}</Table.Th>
              <Table.Th scope="col">{t("list.lastUsed")}</Table.Th>
              <Table.Th scope="col">{t("list.status")}</Table.Th>
              <Table.Th scope="col">{t("list.issuedBy")}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t("list.actionsCol")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((k) => (
              <Table.Tr key={k.id} data-token={k.id} data-status={k.status}>
                <Table.Th scope="row" className="tokens-name">
                  {k.name}
                  <Text size="xs" c="gray.7" ff="monospace">
                    cn_{k.prefix}_…
                  </Text>
                </Table.Th>
                <Table.Td className="tokens-unit">
                  {unitName(k.unit)}
                  <Text size="xs" c="gray.7">
                    {k.unit}
                  </Text>
                </Table.Td>
                <Table.Td className="tokens-scopes">
                  <Text size="sm" title={k.indicators === "*" ? undefined : k.indicators.join(", ")}>
                    {k.indicators === "*"
                      ? t("list.allIndicators")
                      : k.indicators.length <= 3
                        ? k.indicators.join(", ")
                        : t("list.indicators", { count: k.indicators.length })}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {k.actions.map((a) => t(`actions.${actionKey(a)}`, { defaultValue: a })).join(" · ")}
                  </Text>
                </Table.Td>
                <Table.Td className="tokens-nowrap">{formatDate(k.expiresAt, lang)}</Table.Td>
                <Table.Td className="tokens-nowrap" data-cell="last-used">
                  {k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : t("list.never")}
                </Table.Td>
                <Table.Td className="tokens-nowrap">
                  <Text size="sm" fw={600} c={STATUS_COLOR[k.status]}>
                    <span aria-hidden>{STATUS_MARK[k.status]} </span>
                    {t(`status.${k.status}`)}
                  </Text>
                  {k.revokedAt && (
                    <Text size="xs" c="gray.7">
                      {t("list.revokedAt", { when: formatDateTime(k.revokedAt, lang) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {k.createdBy?.displayName ?? t("list.unknownIssuer")}
                  <Text size="xs" c="gray.7">
                    {t("list.issuedOn", { when: formatDate(k.createdAt, lang) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {k.can.revoke && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={t("list.revokeNamed", { name: k.name })}
                      onClick={() => onRevoke(k)}
                    >
                      {t("list.revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
