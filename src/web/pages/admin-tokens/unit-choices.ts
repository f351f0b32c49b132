/**
 * The units a token may be issued for, as picker choices: current units, the country first, then
 * provinces and ministries, then the rest, each "Name (CODE)" so it is found by either.
 */
import { useMemo } from "react";
import { useOrgUnits } from "../../api/org-units.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx } from "../system/drill-shared.js";

const KIND_ORDER = [
  "country",
  "province",
  "ministry",
  "ministry_level_agency",
  "government_agency",
  "central_body",
];

export function useUnitChoices(keep?: string): { value: string; label: string }[] {
  const lang = currentLanguage();
  const units = useOrgUnits({ limit: 1000 });
  return useMemo(() => {
    const items = (units.data?.items ?? []).filter((u) => u.current || u.code === keep);
    const rank = (k: string) => {
      const i = KIND_ORDER.indexOf(k);
      return i < 0 ? KIND_ORDER.length : i;
    };
    items.sort(
      (a, b) => rank(a.kind) - rank(b.kind) || tx(a.name, lang).localeCompare(tx(b.name, lang), lang),
    );
    return items.map((u) => ({ value: u.code, label: `${tx(u.name, lang)} (${u.code})` }));
  }, [units.data, keep, lang]);
}
