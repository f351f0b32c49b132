/**
 * The map as a table (its text alternative): every province with its value, rank and class in
 * words, in the order of the ranking, those without a value last.
 */
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n/index.js";
import type { Ranked, UnitValue } from "./map-model.js";
import { pickName } from "./map-model.js";

export function MapTable({
  plan,
  ranked,
  missing,
  lang,
  format,
  classText,
  caption,
}: {
  plan: string;
  ranked: readonly Ranked[];
  missing: readonly UnitValue[];
  lang: Language;
  format: (v: number | null) => string;
  classText: (u: UnitValue) => string;
  caption: string;
}) {
  const { t } = useTranslation("map");
  const rows: (UnitValue & { rank?: number })[] = [...ranked, ...missing];
  return (
    <div className="table-scroll">
      <table className="map-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.rank")}</th>
            <th scope="col">{t("table.unit")}</th>
            <th scope="col" className="num">
              {t("table.value")}
            </th>
            <th scope="col">{t("table.class")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>{r.rank ?? "—"}</td>
              <th scope="row">
                <Link to="/org-units/$code" params={{ code: r.code }} search={{ plan }}>
                  {pickName(r.name, lang)}
                </Link>
              </th>
              <td className="num">
                {format(r.value)}
                {r.partial && (
                  <>
                    <span aria-hidden title={t("table.partial")}>
                      {" "}
                      *
                    </span>
                    <span className="visually-hidden"> ({t("table.partial")})</span>
                  </>
                )}
              </td>
              <td>{classText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
