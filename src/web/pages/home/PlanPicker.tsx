/**
 * The plan picker of the dashboard's header, shown when the instance holds more than one plan.
 * Its own chunk: the combobox and its popover are not part of the first load of a one-plan site.
 */
import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanList } from "../../api/plans.js";
import { currentLanguage } from "../../i18n/index.js";
import { pick } from "./home-model.js";

export function PlanPicker({
  plans,
  value,
  onChange,
}: {
  plans: PlanList["items"];
  value: string;
  onChange: (plan: string) => void;
}) {
  const { t } = useTranslation("home");
  const lang = currentLanguage();
  return (
    <Select
      size="xs"
      label={t("controls.plan")}
      data={plans.map((p) => ({ value: p.code, label: pick(p.shortName ?? p.name, lang) }))}
      value={value}
      allowDeselect={false}
      onChange={(v) => v && onChange(v)}
    />
  );
}
