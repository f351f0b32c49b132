/**
 * A unit picked by typing part of its name or code, accents ignored ("ha noi" finds "Hà Nội"):
 * the current units are listed as the review queue's picker lists them, the chosen one kept even
 * when no longer current.
 */
import { type ComboboxItem, Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useOrgUnits } from "../../api/org-units.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx } from "../system/drill-shared.js";
import { fold } from "./users-model.js";

const MAX_SHOWN = 50;

export function UnitPicker({
  label,
  value,
  onChange,
  name,
  required,
}: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  name: string;
  required?: boolean;
}) {
  const { t } = useTranslation("adminUsers");
  const lang = currentLanguage();
  const units = useOrgUnits({ limit: 1000 });
  const data = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((u) => u.current || u.code === value)
        .map((u) => ({ value: u.code, label: `${tx(u.name, lang)} (${u.code})` })),
    [units.data, value, lang],
  );
  return (
    <Select
      label={label}
      name={name}
      required={required}
      placeholder={t("createForm.unitPlaceholder")}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      limit={MAX_SHOWN}
      filter={({ options, search }) => {
        const words = fold(search).split(/\s+/).filter(Boolean);
        return (options as ComboboxItem[]).filter((o) => {
          const label = fold(o.label);
          return words.every((w) => label.includes(w));
        });
      }}
      nothingFoundMessage={t("grant.nothingFound")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
