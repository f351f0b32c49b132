/**
 * Which sheet: the unit (the user's own by default, or another of the units they hold a role
 * in), the kind of period and the period (the current month by default), each kept in the URL;
 * and links to the longer periods' sheets the unit also reports (a quarter's, a year's).
 */
import { Anchor, Group, SegmentedControl, Select, Text } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PeriodKind } from "../../../domain/periods.js";
import type { EntrySheet } from "../../api/entry.js";
import type { Lang } from "../../lib/format.js";
import { useUnitNames } from "../system/drill-shared.js";
import { currentPeriodCode, kindChoices, kindOf, periodChoices, periodLabel } from "./entry-periods.js";

export function EntryPickers({
  unit,
  units,
  plan,
  period,
  sheet,
  lang,
}: {
  unit: string;
  /** The units to choose from (the user's own first). */
  units: readonly string[];
  plan: string;
  period: string;
  sheet: EntrySheet | undefined;
  lang: Lang;
}) {
  const { t } = useTranslation("entry");
  const navigate = useNavigate({ from: "/entry" });
  const kind = kindOf(period) ?? "month";
  const kinds = kindChoices(kind, sheet?.related ?? []);
  const go = (next: { unit?: string; period?: string }) =>
    void navigate({ search: (p) => ({ ...p, ...next }), replace: false });
  return (
    <div className="entry-pickers">
      <Group gap="md" align="flex-end" wrap="wrap">
        {units.length > 1 && <UnitSelect units={units} unit={unit} onChange={(v) => go({ unit: v })} />}
        {kinds.length > 1 && (
          <div>
            <Text size="sm" fw={500} mb={2} id="entry-kind-label">
              {t("pick.kind")}
            </Text>
            <SegmentedControl
              aria-labelledby="entry-kind-label"
              size="sm"
              value={kind}
              data={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              onChange={(v) => go({ period: currentPeriodCode(v as PeriodKind) })}
            />
          </div>
        )}
        <Select
          label={t("pick.period")}
          data={periodChoices(kind, new Date(), period).map((p) => ({
            value: p,
            label: periodLabel(p, lang),
          }))}
          value={period}
          onChange={(v) => v && go({ period: v })}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {sheet?.related.some((r) => r.indicators > 0) && (
        <Text size="sm" mt="xs">
          {t("pick.related")}{" "}
          {sheet.related
            .filter((r) => r.indicators > 0)
            .map((r, i) => (
              <span key={r.period}>
                {i > 0 ? " · " : ""}
                <Anchor
                  size="sm"
                  // Told from the sentence by more than colour (axe: link-in-text-block).
                  style={{ textDecoration: "underline" }}
                  renderRoot={(p) => <Link {...p} to="/entry" search={{ unit, plan, period: r.period }} />}
                >
                  {t("pick.relatedItem", { period: periodLabel(r.period, lang), count: r.indicators })}
                </Anchor>
              </span>
            ))}
        </Text>
      )}
    </div>
  );
}

/** Shown only to someone holding roles in several units: their names come from the unit list. */
function UnitSelect({
  units,
  unit,
  onChange,
}: {
  units: readonly string[];
  unit: string;
  onChange: (u: string) => void;
}) {
  const { t } = useTranslation("entry");
  const name = useUnitNames();
  return (
    <Select
      label={t("pick.unit")}
      data={units.map((u) => ({ value: u, label: name(u) }))}
      value={unit}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      searchable
      w={260}
    />
  );
}
