/** The plan's targets a system contributes to, each with latest value, target, status, reason and since when. */
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/dashboards.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatTarget, formatValue } from "./drill-format.js";
import { tx } from "./drill-shared.js";

type Target = Overview["targets"][number];

export function TargetTable({
  plan,
  targets,
  caption,
}: {
  plan: string;
  targets: Target[];
  caption: string;
}) {
  const { t } = useTranslation("system");
  const lang = currentLanguage();
  if (targets.length === 0) return <Text c="dimmed">{t("targets.none")}</Text>;
  return (
    <div className="table-scroll">
      <Table striped withTableBorder verticalSpacing="xs" miw={640}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("targets.name")}</Table.Th>
            <Table.Th scope="col">{t("kpis.latest")}</Table.Th>
            <Table.Th scope="col">{t("kpis.target")}</Table.Th>
            <Table.Th scope="col">{t("kpis.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((x) => (
            <Table.Tr key={x.code}>
              <Table.Th scope="row" fw="normal" style={{ minWidth: 200 }}>
                <Anchor
                  size="sm"
                  renderRoot={(p) => (
                    <Link {...p} to="/indicators/$code" params={{ code: x.code }} search={{ plan }} />
                  )}
                >
                  {tx(x.name, lang)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {x.code}
                </Text>
              </Table.Th>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {formatValue(x.latest?.value, x.unit, lang)}
                {x.latest && (
                  <Text size="xs" c="dimmed">
                    {x.latest.period}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {x.target ? formatTarget(x.target, x.unit, lang) : "—"}
              </Table.Td>
              <Table.Td style={{ minWidth: 220 }}>
                <StatusBadge status={x.status} />
                {x.changedAt && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t("targets.since", { period: x.changedAt })}
                  </Text>
                )}
                <Text size="xs" mt={4}>
                  {tx(x.reason, lang)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
