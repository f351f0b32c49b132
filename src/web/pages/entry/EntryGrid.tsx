/**
 * The sheet as a table: one body per indicator (its total, then its disaggregation cells), twelve
 * history columns, the value being entered, its status. Below 48em the same markup is laid out
 * as one card per indicator (entry.css): nothing is drawn twice and nothing scrolls sideways.
 */
import { useTranslation } from "react-i18next";
import type { Lang } from "../../lib/format.js";
import type { PendingValue } from "../../offline/types.js";
import type { LocalInvalid } from "./cell-state.js";
import { EntryRow, type RowActions } from "./EntryRow.js";
import { periodLabel, shortPeriod } from "./entry-periods.js";
import type { Row } from "./sheet-rows.js";

export interface RowGroup {
  code: string;
  rows: Row[];
}

export function EntryGrid({
  groups,
  history,
  period,
  pending,
  invalid,
  selectable,
  selected,
  lang,
  actions,
  caption,
}: {
  groups: readonly RowGroup[];
  history: readonly string[];
  period: string;
  pending: ReadonlyMap<string, PendingValue>;
  invalid: ReadonlyMap<string, LocalInvalid>;
  selectable: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  lang: Lang;
  actions: RowActions;
  caption: string;
}) {
  const { t } = useTranslation("entry");
  const periodText = periodLabel(period, lang);
  return (
    <div className="entry-grid-box">
      <table className="entry-grid">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="entry-name">
              {t("grid.indicator")}
            </th>
            {history.map((p) => (
              <th scope="col" key={p} className="entry-h" title={periodLabel(p, lang)}>
                <abbr title={periodLabel(p, lang)}>{shortPeriod(p)}</abbr>
              </th>
            ))}
            <th scope="col" className="entry-spark-cell">
              {t("grid.history")}
            </th>
            <th scope="col" className="entry-value">
              {periodText}
            </th>
            <th scope="col" className="entry-status">
              {t("grid.status")}
            </th>
            <th scope="col" className="entry-actions">
              <span className="visually-hidden">{t("grid.actions")}</span>
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.code} className="entry-group">
            {g.rows.map((r) => (
              <EntryRow
                key={r.key}
                row={r}
                pending={pending.get(r.key)}
                invalid={invalid.get(r.key)}
                selectable={selectable.has(r.key)}
                selected={selected.has(r.key)}
                lang={lang}
                periodText={periodText}
                actions={actions}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
