/**
 * Indicators with their latest national value, status (word and colour) and the one-sentence
 * reason: the KPI list of a system or an initiative. The statuses come from the country's
 * values (GET /org-units/VN/values), the names from the plan's indicator list.
 */
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { OrgUnitValues } from "../../api/org-units.js";
import type { PlanIndicators } from "../../api/plans.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatTarget, formatValue } from "./drill-format.js";
import { tx } from "./drill-shared.js";

type Indicator = PlanIndicators["items"][number];
type Value = OrgUnitValues["items"][number];

export function KpiTable({
  plan,
  indicators,
  values,
  caption,
}: {
  plan: string;
  indicators: Indicator[];
  values: Map<string, Value>;
  caption: string;
}) {
  const { t } = useTranslation("system");
  const lang = currentLanguage();
  if (indicators.length === 0) return <Text c="dimmed">{t("kpis.none")}</Text>;
  return (
    <div className="table-scroll">
      <Table striped withTableBorder verticalSpacing="xs" miw={640}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("kpis.indicator")}</Table.Th>
            <Table.Th scope="col">{t("kpis.latest")}</Table.Th>
            <Table.Th scope="col">{t("kpis.target")}</Table.Th>
            <Table.Th scope="col">{t("kpis.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((i) => {
            const v = values.get(i.code);
            const target = i.targets.find((x) => x.plan === plan && x.orgUnit === null);
            return (
              <Table.Tr key={i.code}>
                <Table.Th scope="row" fw="normal" style={{ minWidth: 200 }}>
                  <Anchor
                    size="sm"
                    renderRoot={(p) => (
                      <Link {...p} to="/indicators/$code" params={{ code: i.code }} search={{ plan }} />
                    )}
                  >
                    {tx(i.name, lang)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {i.code}
                  </Text>
                </Table.Th>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatValue(v?.latest?.value, i.unit, lang)}
                  {v?.latest && (
                    <Text size="xs" c="dimmed">
                      {v.latest.period}
                      {v.latest.partial ? ` · ${t("kpis.partial")}` : ""}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {target ? formatTarget(target, i.unit, lang) : "—"}
                </Table.Td>
                <Table.Td style={{ minWidth: 220 }}>
                  <StatusBadge status={v?.status ?? "no_data"} />
                  {v?.assessment && (
                    <Text size="xs" mt={4}>
                      {tx(v.assessment.reason, lang)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
