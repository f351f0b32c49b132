/**
 * Issuing a token: a name, the unit (searchable), its indicators picked among those the unit reports
 * (searchable, several) or all of them, the actions, and the expiry in days. Checked here first and
 * by the server; a refusal is shown with the server's message and the form keeps what was typed.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type IssueBody, useIssueToken } from "../../api/admin-tokens.js";
import { ApiError } from "../../api/client.js";
import { usePlanIndicators } from "../../api/plans.js";
import { DEFAULT_PLAN } from "../../app/search.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx } from "../system/drill-shared.js";
import {
  actionKey,
  emptyIssueForm,
  examplePeriod,
  type IssueForm,
  indicatorsReportedBy,
  issueBody,
  issueProblems,
  MAX_DAYS,
  TOKEN_ACTIONS,
  type TokenAction,
} from "./token-model.js";
import { useUnitChoices } from "./unit-choices.js";

/** A token just issued: the answer with its secret, and an indicator and period for the examples. */
export interface Issued {
  token: string;
  name: string;
  unit: string;
  actions: string[];
  sample?: { indicator: string; period: string };
}

export function IssueTokenModal({
  opened,
  onClose,
  onIssued,
}: {
  opened: boolean;
  onClose: () => void;
  onIssued: (x: Issued) => void;
}) {
  const { t } = useTranslation("adminTokens");
  const lang = currentLanguage();
  const [form, setForm] = useState<IssueForm>(emptyIssueForm);
  const [tried, setTried] = useState(false);
  const issue = useIssueToken();
  const units = useUnitChoices();
  const catalogue = usePlanIndicators(DEFAULT_PLAN, { limit: 1000 });
  const reported = useMemo(
    () => (form.unit ? indicatorsReportedBy(catalogue.data?.items ?? [], form.unit) : []),
    [catalogue.data, form.unit],
  );
  const indicatorData = useMemo(
    () => reported.map((i) => ({ value: i.code, label: `${i.code} · ${tx(i.name, lang)}` })),
    [reported, lang],
  );
  const problems = issueProblems(form);
  const shown = (f: keyof typeof problems) =>
    tried && problems[f] ? t(`form.problems.${problems[f]}`) : undefined;
  const set = (patch: Partial<IssueForm>) => setForm((f) => ({ ...f, ...patch }));

  const close = () => {
    issue.reset();
    setTried(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const body: IssueBody | null = issueBody(form);
    if (!body || issue.isPending) return;
    issue.mutate(body, {
      onSuccess: (answer) => {
        const first = body.indicators === "*" ? reported[0]?.code : body.indicators[0];
        const info = reported.find((i) => i.code === first);
        setForm(emptyIssueForm());
        setTried(false);
        issue.reset();
        onIssued({
          token: answer.token,
          name: answer.name,
          unit: answer.unit,
          actions: answer.actions,
          sample: first
            ? { indicator: first, period: examplePeriod(info?.frequency ?? "yearly", new Date()) }
            : undefined,
        });
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("form.title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {issue.isError && (
            <Alert color="red" role="alert" title={t("form.refused")}>
              {issue.error instanceof ApiError ? issue.error.message : String(issue.error)}
            </Alert>
          )}
          <TextInput
            label={t("form.name")}
            description={t("form.nameHelp")}
            required
            maxLength={100}
            value={form.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={shown("name")}
            data-autofocus
          />
          <Select
            label={t("form.unit")}
            description={t("form.unitHelp")}
            placeholder={t("form.unitPlaceholder")}
            required
            searchable
            data={units}
            value={form.unit}
            // Another unit reports other indicators: the picked ones start over.
            onChange={(v) => set({ unit: v, indicators: [] })}
            error={shown("unit")}
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox
            label={t("form.allIndicators")}
            checked={form.allIndicators}
            onChange={(e) => set({ allIndicators: e.currentTarget.checked })}
          />
          {!form.allIndicators && (
            <MultiSelect
              label={t("form.indicators")}
              description={
                form.unit ? t("form.indicatorsHelp", { count: reported.length }) : t("form.indicatorsNone")
              }
              placeholder={t("form.indicatorsPlaceholder")}
              nothingFoundMessage={t("form.nothingFound")}
              required
              searchable
              disabled={!form.unit}
              data={indicatorData}
              value={form.indicators}
              onChange={(v) => set({ indicators: v })}
              error={shown("indicators")}
              maxDropdownHeight={260}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Checkbox.Group
            label={t("form.actions")}
            required
            value={form.actions}
            onChange={(v) => set({ actions: TOKEN_ACTIONS.filter((a): a is TokenAction => v.includes(a)) })}
            error={shown("actions")}
          >
            <Stack gap={6} mt={6}>
              {TOKEN_ACTIONS.map((a) => (
                <Checkbox key={a} value={a} label={t(`actions.${actionKey(a)}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <NumberInput
            label={t("form.days")}
            description={t("form.daysHelp")}
            required
            min={1}
            max={MAX_DAYS}
            allowDecimal={false}
            allowNegative={false}
            value={form.days}
            onChange={(v) => set({ days: v })}
            error={shown("days")}
            w={{ base: "100%", sm: 200 }}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={issue.isPending}>
              {t("form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
