/** Choices of the unit pickers: "name (code)" labels, matched without accents like the tree's search. */
import type { ComboboxItem, OptionsFilter } from "@mantine/core";
import { fold } from "./tree-model.js";

interface Named {
  code: string;
  name: { vi: string; en: string | null };
  current: boolean;
}

/** Current units and the one already chosen (a retired parent stays shown as it is). */
export function unitOptions(units: readonly Named[], lang: "vi" | "en", keep: string): ComboboxItem[] {
  return units
    .filter((u) => u.current || u.code === keep)
    .map((u) => ({
      value: u.code,
      label: `${lang === "en" && u.name.en ? u.name.en : u.name.vi} (${u.code})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const words = fold(search).split(" ").filter(Boolean);
  return options.filter((o) => {
    if (!("label" in o)) return true;
    const hay = fold(`${o.label} ${o.value}`);
    return words.every((w) => hay.includes(w));
  });
};
