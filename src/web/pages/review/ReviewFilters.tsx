/**
 * The queue's filters, kept in the URL: a unit (its subtree included), an indicator of the plan,
 * a period. Each picker is searchable by name or code and can be cleared.
 */
import { Group, Select } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useOrgUnits } from "../../api/org-units.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx } from "../system/drill-shared.js";
import type { IndicatorInfo } from "./review-lookups.js";
import type { ReviewFilters as Filters } from "./review-model.js";
import { periodChoices } from "./review-periods.js";

/** Units listed first in the picker: the country, then provinces and ministries, then the rest. */
const KIND_ORDER = [
  "country",
  "province",
  "ministry",
  "ministry_level_agency",
  "government_agency",
  "central_body",
];

export function ReviewFilters({
  filters,
  indicators,
}: {
  filters: Filters;
  indicators: { code: string; info: IndicatorInfo }[];
}) {
  const { t } = useTranslation("review");
  const lang = currentLanguage();
  const navigate = useNavigate({ from: "/review" });
  const units = useOrgUnits({ limit: 1000 });
  const set = (key: keyof Filters, v: string | null) =>
    void navigate({ search: (p) => ({ ...p, [key]: v ?? undefined }), replace: true });

  const unitData = useMemo(() => {
    const items = (units.data?.items ?? []).filter((u) => u.current || u.code === filters.unit);
    const rank = (k: string) => {
      const i = KIND_ORDER.indexOf(k);
      return i < 0 ? KIND_ORDER.length : i;
    };
    items.sort(
      (a, b) => rank(a.kind) - rank(b.kind) || tx(a.name, lang).localeCompare(tx(b.name, lang), lang),
    );
    return items.map((u) => ({ value: u.code, label: `${tx(u.name, lang)} (${u.code})` }));
  }, [units.data, filters.unit, lang]);

  const indicatorData = useMemo(
    () =>
      indicators
        .filter((i) => i.info.tier !== "objective")
        .map((i) => ({ value: i.code, label: `${tx(i.info.name, lang)} (${i.code})` })),
    [indicators, lang],
  );

  const periodData = useMemo(
    () =>
      periodChoices(new Date(), filters.period).map((g) => ({
        group: t(`periodKind.${g.kind}`),
        items: g.codes,
      })),
    [filters.period, t],
  );

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className="review-filters">
      <Select
        label={t("filter.unit")}
        placeholder={t("filter.allUnits")}
        data={unitData}
        value={filters.unit ?? null}
        onChange={(v) => set("unit", v)}
        searchable
        clearable
        nothingFoundMessage={t("filter.nothing")}
        w={{ base: "100%", sm: 300 }}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t("filter.indicator")}
        placeholder={t("filter.allIndicators")}
        data={indicatorData}
        value={filters.indicator ?? null}
        onChange={(v) => set("indicator", v)}
        searchable
        clearable
        nothingFoundMessage={t("filter.nothing")}
        w={{ base: "100%", sm: 360 }}
      />
      <Select
        label={t("filter.period")}
        placeholder={t("filter.allPeriods")}
        data={periodData}
        value={filters.period ?? null}
        onChange={(v) => set("period", v)}
        searchable
        clearable
        nothingFoundMessage={t("filter.nothing")}
        w={{ base: "100%", sm: 180 }}
      />
    </Group>
  );
}
