/** The unit's latest value of each indicator, with status and reason, linked to the indicator. */
import { Anchor, Group, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useOrgUnitValues } from "../../api/org-units.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { type Status, StatusBadge } from "../../components/StatusBadge.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatValue } from "../system/drill-format.js";
import { tx } from "../system/drill-shared.js";

const ORDER: Status[] = ["off_track", "at_risk", "on_track", "achieved", "no_data"];

export function ValuesTab({ code, plan }: { code: string; plan: string }) {
  const { t } = useTranslation("orgUnit");
  const lang = currentLanguage();
  const values = useOrgUnitValues(code, { plan });
  if (values.isPending) return <Loading />;
  if (values.isError) return <ErrorNote error={values.error} />;
  const v = values.data;
  if (v.items.length === 0) return <Text c="dimmed">{t("values.none")}</Text>;
  return (
    <>
      <Group gap="xs" mb="sm" aria-label={t("values.counts")}>
        {ORDER.filter((s) => v.counts[s] > 0).map((s) => (
          <Group gap={4} key={s}>
            <StatusBadge status={s} />
            <Text size="sm">{v.counts[s]}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          {t("values.judgedAt", { period: v.period })}
        </Text>
      </Group>
      <div className="table-scroll">
        <Table striped withTableBorder verticalSpacing={4} miw={600}>
          <caption className="visually-hidden">
            {t("values.caption", { name: tx(v.unit.name, lang) })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("values.indicator")}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {t("values.latest")}
              </Table.Th>
              <Table.Th scope="col">{t("values.period")}</Table.Th>
              <Table.Th scope="col">{t("values.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.items.map((i) => (
              <Table.Tr key={i.indicator}>
                <Table.Th scope="row" fw="normal">
                  <Anchor
                    size="sm"
                    renderRoot={(p) => (
                      <Link {...p} to="/indicators/$code" params={{ code: i.indicator }} search={{ plan }} />
                    )}
                  >
                    {i.assessment ? tx(i.assessment.name, lang) : i.indicator}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {i.indicator} · {t(`tier.${i.tier}`, { ns: "indicator", defaultValue: i.tier })}
                  </Text>
                </Table.Th>
                <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                  {formatValue(i.latest?.value, i.assessment?.unit ?? null, lang)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {i.latest?.period ?? "—"}
                  {i.latest?.partial ? ` (${t("values.partial")})` : ""}
                </Table.Td>
                <Table.Td style={{ minWidth: 200 }}>
                  <StatusBadge status={i.status} size="xs" />
                  {i.assessment && (
                    <Text size="xs" mt={2}>
                      {tx(i.assessment.reason, lang)}
                    </Text>
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
