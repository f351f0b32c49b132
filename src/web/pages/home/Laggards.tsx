/**
 * The units pulling a target down the most: the provinces and the ministries furthest on the
 * wrong side of their target (their own, else the national one), with the gap and its share of
 * the total shortfall (GET /indicators/{code}/laggards).
 */
import { Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useLaggards } from "../../api/dashboards.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber, formatPercent } from "../../lib/format.js";
import { describeTarget, formatPeriod, pick, withUnit } from "./home-model.js";

type Basis = "approved" | "reported";
type Level = "province" | "ministry";
const LIMIT = 5;

export function Laggards({
  indicator,
  plan,
  basis,
}: {
  indicator: string;
  plan: string;
  basis: Basis | undefined;
}) {
  const { t } = useTranslation("home");
  return (
    <section aria-labelledby="drawer-laggards">
      <h3 id="drawer-laggards" className="drawer-title">
        {t("laggards.title")}
      </h3>
      <LaggardList indicator={indicator} plan={plan} basis={basis} level="province" />
      <LaggardList indicator={indicator} plan={plan} basis={basis} level="ministry" />
    </section>
  );
}

function LaggardList({
  indicator,
  plan,
  basis,
  level,
}: {
  indicator: string;
  plan: string;
  basis: Basis | undefined;
  level: Level;
}) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  const q = useLaggards(indicator, { plan, level, limit: LIMIT, ...(basis ? { basis } : {}) });
  const heading = <h4 className="drawer-subtitle">{t(`laggards.${level}`)}</h4>;
  if (q.isPending)
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        {heading}
        <ErrorNote error={q.error} />
      </>
    );
  const { counts, items, indicator: ind } = q.data;
  return (
    <>
      {heading}
      <Text size="sm" c="gray.7">
        {t("laggards.counts", {
          short: counts.short,
          units: counts.units,
          noValue: counts.noValue,
        })}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">{t("laggards.none")}</Text>
      ) : (
        <div className="table-scroll">
          <Table withTableBorder striped>
            <caption className="visually-hidden">{t(`laggards.${level}`)}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("laggards.unit")}</Table.Th>
                <Table.Th scope="col">{t("laggards.value")}</Table.Th>
                <Table.Th scope="col">{t("laggards.target")}</Table.Th>
                <Table.Th scope="col">{t("laggards.gap")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.unit.code}>
                  <Table.Th scope="row" fw={400}>
                    <Link to="/org-units/$code" params={{ code: i.unit.code }} search={{ plan }}>
                      {pick(i.unit.name, lang)}
                    </Link>
                  </Table.Th>
                  <Table.Td>
                    {withUnit(i.value, ind.unit, lang)}{" "}
                    <Text span size="xs" c="gray.7">
                      ({formatPeriod(i.period)})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {describeTarget(i.target, ind.unit, lang)}{" "}
                    <Text span size="xs" c="gray.7">
                      ({t(`laggards.source.${i.target.source}`)})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatNumber(i.gap, lang)}{" "}
                    <Text span size="xs" c="gray.7">
                      ({formatPercent(i.shortfallShare, lang)})
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}
