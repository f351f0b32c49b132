/**
 * The file's text with line numbers, each line with a problem marked and its problems written
 * under it. By default only the stretches around those lines are shown (a plan file runs to
 * thousands of lines); the whole file on request. Each line can take focus, so the table's links
 * bring it into view for keyboard and screen-reader users too.
 */
import { Checkbox, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { excerpts } from "./error-rows.js";

export const lineId = (line: number) => `pf-line-${line}`;

export function MarkedText({
  lines,
  problems,
  whole,
  onWhole,
}: {
  lines: readonly string[];
  problems: ReadonlyMap<number, string[]>;
  whole: boolean;
  onWhole: (whole: boolean) => void;
}) {
  const { t } = useTranslation("adminPlanFile");
  const stretches = whole ? [{ from: 1, to: lines.length }] : excerpts(problems.keys(), lines.length);
  return (
    <section aria-labelledby="pf-text-title">
      <Title order={3} size="h5" id="pf-text-title" mt="md">
        {t("errors.textTitle")}
      </Title>
      <Text size="sm" c="gray.7">
        {t("errors.textIntro")}
      </Text>
      <Checkbox
        mt="xs"
        label={t("errors.wholeFile")}
        checked={whole}
        onChange={(e) => onWhole(e.currentTarget.checked)}
      />
      <div className="pf-lines">
        {stretches.map((s, i) => (
          <Fragment key={s.from}>
            {(i > 0 || s.from > 1) && (
              <div className="pf-gap" aria-hidden="true">
                {t("errors.gap")}
              </div>
            )}
            {lines.slice(s.from - 1, s.to).map((text, j) => {
              const n = s.from + j;
              const mine = problems.get(n);
              return (
                <div
                  key={n}
                  id={lineId(n)}
                  tabIndex={-1}
                  className={mine ? "pf-line pf-line-bad" : "pf-line"}
                >
                  <span className="pf-ln">
                    {mine && <span className="visually-hidden">{t("errors.marked")}</span>}
                    {n}
                  </span>
                  <code className="pf-lt">{text || " "}</code>
                  {mine && (
                    <div className="pf-lm">
                      {mine.map((m) => (
                        <div key={m}>
                          <span aria-hidden="true">▲ </span>
                          {m}
                        </div>
                      ))}
                    </div>
                  )}
                </div>
              );
            })}
          </Fragment>
        ))}
        {stretches.length > 0 && (stretches[stretches.length - 1]?.to ?? 0) < lines.length && (
          <div className="pf-gap" aria-hidden="true">
            {t("errors.gap")}
          </div>
        )}
      </div>
    </section>
  );
}
