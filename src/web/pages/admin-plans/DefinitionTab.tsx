/**
 * The indicator's definition form: tier (identity, shown), names, unit, frequency, aggregation,
 * formula with its live check, bounds, who reports, disaggregations. Saving sends only what
 * changed with a required reason (a new version); a refusal keeps everything typed.
 */
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useChangeIndicator } from "../../api/admin-plans.js";
import type { Indicator } from "../../api/indicators.js";
import { currentLanguage } from "../../i18n/index.js";
import {
  type DefinitionField,
  type DefinitionForm,
  definitionPatch,
  formFromIndicator,
} from "./definition-form.js";
import { FormulaField, useFormulaCheck } from "./FormulaField.js";
import { ReasonField } from "./ReasonField.js";
import { reasonProblem } from "./reason.js";
import { ServerRefusal } from "./ServerRefusal.js";

const FREQUENCIES = ["monthly", "quarterly", "half_yearly", "yearly", "ad_hoc"] as const;
const AGGREGATIONS = [
  "sum",
  "mean",
  "weighted_mean",
  "ratio_of_sums",
  "latest",
  "min",
  "max",
  "none",
] as const;
const REPORTED_BY = ["unit", "responsible"] as const;

export function DefinitionTab({ plan, indicator }: { plan: string; indicator: Indicator }) {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  const initial = formFromIndicator(indicator);
  const [form, setForm] = useState<DefinitionForm>(initial);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const change = useChangeIndicator(plan, indicator.code);
  const check = useFormulaCheck(plan, indicator.code, form.formula);
  // A new version (saved here or elsewhere) is the form's new starting point.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the version moves
  useEffect(() => setForm(formFromIndicator(indicator)), [indicator.version]);

  const { patch, problems } = definitionPatch(initial, form, lang);
  const unchanged = Object.keys(patch).length === 0;
  const editable = indicator.can.edit && !indicator.retired;
  const problemOf = (field: DefinitionField) => {
    if (!tried) return undefined;
    const p = problems.find((x) => x.field === field);
    if (!p) return undefined;
    const text = p.raw ? p.key : t(p.key);
    return p.line ? t("definition.atLine", { line: p.line, message: text }) : text;
  };
  const set = <K extends DefinitionField>(k: K, v: DefinitionForm[K]) => {
    setSaved(null);
    setForm((f) => ({ ...f, [k]: v }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (change.isPending || unchanged || problems.length > 0 || reasonProblem(reason)) return;
    if (patch.formula !== undefined && check.state === "error") return;
    setRefused(null);
    change.mutateAsync({ ...patch, reason: reason.trim() }).then(
      (r) => {
        setSaved(r.version);
        setReason("");
        setTried(false);
      },
      (err: unknown) => setRefused(err),
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("indicator.tab.definition")}>
      <Stack gap="md" maw={880}>
        {!editable && (
          <Alert color="blue" role="status">
            {indicator.retired ? t("definition.retired") : t("definition.readOnly")}
          </Alert>
        )}
        <Text size="sm">
          <strong>{t("definition.tier")}:</strong> {t(`tiers.${indicator.tier}`)} ·{" "}
          {t("definition.tierFixed")} · {t("definition.version", { version: indicator.version })}
        </Text>
        <fieldset disabled={!editable} className="plain-fieldset">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("definition.nameVi")}
                required
                value={form.nameVi}
                onChange={(e) => set("nameVi", e.currentTarget.value)}
                error={problemOf("nameVi")}
              />
              <TextInput
                label={t("definition.nameEn")}
                value={form.nameEn}
                onChange={(e) => set("nameEn", e.currentTarget.value)}
              />
              <TextInput
                label={t("definition.unitVi")}
                value={form.unitVi}
                maxLength={64}
                onChange={(e) => set("unitVi", e.currentTarget.value)}
                error={problemOf("unitVi")}
              />
              <TextInput
                label={t("definition.unitEn")}
                value={form.unitEn}
                maxLength={64}
                onChange={(e) => set("unitEn", e.currentTarget.value)}
              />
              <NativeSelect
                label={t("definition.frequency")}
                value={form.frequency}
                onChange={(e) => set("frequency", e.currentTarget.value as DefinitionForm["frequency"])}
                data={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
              />
              <NativeSelect
                label={t("definition.aggregation")}
                value={form.aggregation}
                onChange={(e) => set("aggregation", e.currentTarget.value as DefinitionForm["aggregation"])}
                data={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}`) }))}
              />
              <TextInput
                label={t("definition.boundMin")}
                inputMode="decimal"
                value={form.boundMin}
                onChange={(e) => set("boundMin", e.currentTarget.value)}
                error={problemOf("boundMin")}
              />
              <TextInput
                label={t("definition.boundMax")}
                inputMode="decimal"
                value={form.boundMax}
                onChange={(e) => set("boundMax", e.currentTarget.value)}
                error={problemOf("boundMax")}
              />
              <NativeSelect
                label={t("definition.reportedBy")}
                value={form.reportedBy}
                onChange={(e) => set("reportedBy", e.currentTarget.value as DefinitionForm["reportedBy"])}
                data={REPORTED_BY.map((r) => ({ value: r, label: t(`reportedBy.${r}`) }))}
              />
            </SimpleGrid>
            <FormulaField
              value={form.formula}
              onChange={(v) => set("formula", v)}
              check={check}
              problem={problemOf("formula")}
              disabled={!editable}
            />
            <Textarea
              label={t("definition.disaggregations")}
              description={t("definition.disaggregationsHelp")}
              autosize
              minRows={2}
              value={form.disaggregations}
              onChange={(e) => set("disaggregations", e.currentTarget.value)}
              error={problemOf("disaggregations")}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            <ReasonField value={reason} onChange={setReason} tried={tried} />
          </Stack>
        </fieldset>
        {tried && unchanged && (
          <Text size="sm" c="orange.9" role="status">
            {t("definition.unchanged")}
          </Text>
        )}
        {refused !== null && <ServerRefusal error={refused} />}
        {saved !== null && (
          <Alert color="green" role="status">
            {t("definition.saved", { version: saved })}
          </Alert>
        )}
        {editable && (
          <Group gap="xs">
            <Button type="submit" loading={change.isPending}>
              {t("definition.save")}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setForm(initial);
                setTried(false);
                setRefused(null);
              }}
            >
              {t("definition.reset")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
