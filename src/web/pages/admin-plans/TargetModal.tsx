/**
 * Adjusting one target (or setting a new one): year and unit fixed for an existing target,
 * comparator, value (and upper bound for a range, or reached for a milestone), note, and the
 * required reason. Checked before sending; a refusal keeps the form as typed.
 */
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TargetBody } from "../../api/admin-plans.js";
import type { Indicator } from "../../api/indicators.js";
import { currentLanguage } from "../../i18n/index.js";
import { ReasonField } from "./ReasonField.js";
import { reasonProblem } from "./reason.js";
import { ServerRefusal } from "./ServerRefusal.js";
import {
  COMPARATORS,
  type Comparator,
  type Target,
  type TargetField,
  type TargetForm,
  type TargetProblem,
  targetFromForm,
} from "./targets-model.js";

export function TargetModal({
  open,
  kind,
  span,
  pending,
  onClose,
  onSave,
}: {
  open: { form: TargetForm; existing: Target | null } | null;
  kind: Indicator["kind"];
  span: { start: number; end: number };
  pending: boolean;
  onClose: () => void;
  /** Sends the target; resolves with the refusal to show, or null when done. */
  onSave: (target: TargetBody["target"], reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  const [form, setForm] = useState<TargetForm | null>(null);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [problems, setProblems] = useState<TargetProblem[]>([]);
  const [refused, setRefused] = useState<unknown>(null);
  useEffect(() => {
    setForm(open?.form ?? null);
    setReason("");
    setTried(false);
    setProblems([]);
    setRefused(null);
  }, [open]);
  if (!open || !form) return <Modal opened={false} onClose={onClose} title="" />;
  const existing = open.existing;
  const problemOf = (f: TargetField) => {
    const p = problems.find((x) => x.field === f);
    return p ? (p.raw ? p.key : t(p.key, { start: span.start, end: span.end })) : undefined;
  };
  const set = (k: TargetField, v: string) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (pending) return;
    const r = targetFromForm(form, kind, span, lang);
    setProblems(r.problems);
    if (!r.target || reasonProblem(reason)) return;
    setRefused(null);
    void onSave(r.target, reason.trim()).then((err) => (err ? setRefused(err) : onClose()));
  };
  const title = existing
    ? t("targets.adjustTitle", { year: existing.year, unit: existing.orgUnit ?? t("targets.national") })
    : t("targets.addTitle");
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ "aria-label": t("close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("targets.year")}
              required
              inputMode="numeric"
              readOnly={!!existing}
              value={form.year}
              onChange={(e) => set("year", e.currentTarget.value)}
              error={problemOf("year")}
              name="year"
            />
            <TextInput
              label={t("targets.unitCode")}
              description={t("targets.unitHelp")}
              readOnly={!!existing}
              value={form.orgUnit}
              onChange={(e) => set("orgUnit", e.currentTarget.value)}
              error={problemOf("orgUnit")}
              name="orgUnit"
            />
            <NativeSelect
              label={t("targets.comparator")}
              value={form.comparator}
              onChange={(e) => set("comparator", e.currentTarget.value as Comparator)}
              data={COMPARATORS.map((c) => ({ value: c, label: t(`comparator.${c}`) }))}
              name="comparator"
            />
            <TextInput
              label={t("targets.value")}
              inputMode="decimal"
              value={form.value}
              onChange={(e) => set("value", e.currentTarget.value)}
              error={problemOf("value")}
              name="value"
              data-autofocus
            />
            {form.comparator === "between" && (
              <TextInput
                label={t("targets.valueMax")}
                inputMode="decimal"
                value={form.valueMax}
                onChange={(e) => set("valueMax", e.currentTarget.value)}
                error={problemOf("valueMax")}
                name="valueMax"
              />
            )}
            {kind === "milestone" && (
              <NativeSelect
                label={t("targets.achieved")}
                value={form.achieved}
                onChange={(e) => set("achieved", e.currentTarget.value)}
                data={[
                  { value: "", label: "—" },
                  { value: "yes", label: t("targets.achievedYes") },
                  { value: "no", label: t("targets.achievedNo") },
                ]}
              />
            )}
            <TextInput
              label={t("targets.noteVi")}
              value={form.noteVi}
              onChange={(e) => set("noteVi", e.currentTarget.value)}
            />
            <TextInput
              label={t("targets.noteEn")}
              value={form.noteEn}
              onChange={(e) => set("noteEn", e.currentTarget.value)}
            />
          </SimpleGrid>
          <ReasonField value={reason} onChange={setReason} tried={tried} />
          {refused !== null && <ServerRefusal error={refused} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("targets.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
