/**
 * The formula input with its live check: as the user types, the domain's checker (the one the
 * server runs again on save) names unknown indicator codes, syntax errors and cycles with their
 * column. The plan's indicators are the codes it knows; one only another plan tracks is checked
 * by the server.
 */
import { List, Text, Textarea } from "@mantine/core";
import { useDeferredValue, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { usePlanIndicators } from "../../api/plans.js";
import { currentLanguage } from "../../i18n/index.js";
import { type FormulaCheck, liveFormulaCheck } from "./formula-check.js";

export function useFormulaCheck(plan: string, code: string, formula: string): FormulaCheck {
  const lang = currentLanguage();
  const known = usePlanIndicators(plan, { limit: 1000 });
  const typed = useDeferredValue(formula);
  return useMemo(
    () =>
      liveFormulaCheck(
        code,
        typed,
        (known.data?.items ?? []).map((i) => ({ code: i.code, formula: i.formula })),
        lang,
      ),
    [code, typed, known.data, lang],
  );
}

export function FormulaField({
  value,
  onChange,
  check,
  problem,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  check: FormulaCheck;
  /** A problem of the form's own (a formula cannot be removed here). */
  problem?: string | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation("adminPlans");
  const invalid = check.state === "error" || !!problem;
  return (
    <div>
      <Textarea
        label={t("definition.formula")}
        description={t("definition.formulaHelp")}
        autosize
        minRows={2}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        // A live-check error marks the input invalid (its messages are below, announced politely).
        error={problem ?? (invalid ? true : undefined)}
        aria-describedby="formula-check"
        disabled={disabled}
        name="formula"
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      />
      <div id="formula-check" aria-live="polite" className="formula-check" data-state={check.state}>
        {check.state === "ok" && (
          <Text size="sm" c="green.9">
            {t("definition.formulaOk", { refs: check.refs.join(", ") || "—" })}
          </Text>
        )}
        {check.state === "error" && (
          <List size="sm" c="red.9" spacing={2}>
            {check.problems.map((p) => (
              <List.Item key={`${p.column}-${p.message}`}>
                {t("definition.formulaAt", { column: p.column, message: p.message })}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </div>
  );
}
