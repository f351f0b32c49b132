/**
 * The import wizard (issue 14, item 3): choose a unit and period and download its template →
 * upload the filled file (.xlsx or .csv) → the dry run's errors and what would change → commit,
 * with a progress bar fed by the upload's progress. The unit, plan and period are in the URL,
 * and so is the commit's Idempotency-Key once it is sent: a reload shows that import's progress
 * and result instead of starting over. The file itself lives only in the page.
 */
import { Stack, Stepper, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { type UploadAnswer, useCommitImport, useDryRun } from "../../api/imports.js";
import { useSession } from "../../api/session.js";
import { DEFAULT_PLAN } from "../../app/search.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { CommitStep } from "./CommitStep.js";
import { type ChosenFile, newKey } from "./chosen-file.js";
import { DryRunStep } from "./DryRunStep.js";
import { isFileRefusal, refusedRowsAnswer } from "./dry-run-view.js";
import { lastMonth } from "./periods.js";
import { rememberResult } from "./result-store.js";
import { TemplateStep } from "./TemplateStep.js";
import { UploadStep } from "./UploadStep.js";
import { useWriterUnits } from "./use-writer-units.js";
import "./import.css";
import "./strings.js";

/** The step's own heading: on a phone the stepper shows numbers only. */
function StepTitle({ children }: { children: string }) {
  return (
    <Title order={2} size="h4" mt="md">
      {children}
    </Title>
  );
}

export function ImportPage() {
  const { t } = useTranslation("import");
  const search = useSearch({ from: "/import" });
  const navigate = useNavigate({ from: "/import" });
  const session = useSession();
  const user = session.data?.user;
  const units = useWriterUnits(user);
  const unit = search.unit ?? units.codes[0];
  const plan = search.plan ?? DEFAULT_PLAN;
  const period = search.period ?? lastMonth(new Date());
  const key = search.key;

  const [step, setStep] = useState(key ? 3 : 0);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [checked, setChecked] = useState<UploadAnswer | null>(null);
  const dryRun = useDryRun();
  const commit = useCommitImport();
  // A second click (or a click while the first is sent) never sends again.
  const committing = useRef(false);

  const signedOut = session.isSuccess && session.data === null;
  useEffect(() => {
    if (!signedOut) return;
    const q = new URLSearchParams(Object.entries(search).filter((e): e is [string, string] => Boolean(e[1])));
    void navigate({ to: "/sign-in", search: { next: `/import${q.size ? `?${q}` : ""}` }, replace: true });
  }, [signedOut, search, navigate]);
  useEffect(() => {
    if (key) setStep(3);
  }, [key]);

  if (session.isError) return <ErrorNote error={session.error} />;
  if (!user) return <Loading />;
  if (!session.data?.can.importValues)
    return (
      <Stack className="page" gap="md">
        <Title order={1}>{t("title")}</Title>
        <Text>{t("notAllowed")}</Text>
      </Stack>
    );

  const choose = (file: ChosenFile | null) => {
    setChosen(file);
    setChecked(null);
    dryRun.reset();
  };

  const check = () => {
    if (!chosen?.kind || chosen.refusedBy || dryRun.isPending) return;
    dryRun.mutate(
      { file: chosen.file, kind: chosen.kind, key: newKey("check") },
      {
        onSuccess: (answer) => {
          // A file refused as a whole is named with the file, in this step; row errors go to the next.
          if (isFileRefusal(answer.refused?.code))
            return setChosen({ ...chosen, refusedBy: answer.refused?.message });
          setChecked(answer);
          setStep(2);
        },
        // Rows of cells another unit reports (a 403 naming each row) go to the same table.
        onError: (err) => {
          const rows = err instanceof ApiError ? refusedRowsAnswer(err, true) : undefined;
          if (!rows) return;
          dryRun.reset();
          setChecked(rows);
          setStep(2);
        },
      },
    );
  };

  const send = () => {
    if (!chosen?.kind || committing.current) return;
    committing.current = true;
    const k = chosen.commitKey;
    void navigate({ search: (p) => ({ ...p, key: k }), replace: true });
    commit.mutate(
      { file: chosen.file, kind: chosen.kind, key: k },
      {
        onSuccess: (answer) => rememberResult(k, answer),
        // A failed send may be tried again: with the same key, so a commit that did reach the
        // server is answered from its stored result instead of being written twice.
        onError: () => {
          committing.current = false;
        },
      },
    );
  };

  const restart = () => {
    committing.current = false;
    commit.reset();
    choose(null);
    setStep(0);
    void navigate({ search: (p) => ({ ...p, key: undefined }), replace: true });
  };

  const choice = (patch: { unit?: string; period?: string }) =>
    void navigate({ search: (p) => ({ ...p, ...patch }), replace: true });

  return (
    <Stack className="page import-page" gap="md">
      <div>
        <Title order={1}>{t("title")}</Title>
        <Text size="sm" c="gray.7" maw={760}>
          {t("intro")}
        </Text>
      </div>
      <Stepper
        active={step}
        onStepClick={(s) => {
          // Back to an earlier step; forward only to what is done. A commit sent stays on its step.
          if (key) return;
          if (s < step || (s === 1 && step === 0) || (s === 2 && checked)) setStep(s);
        }}
        allowNextStepsSelect={false}
        size="sm"
        className="import-stepper"
        aria-label={t("steps.label")}
      >
        <Stepper.Step label={t("steps.template")} description={t("steps.templateHint")}>
          <StepTitle>{t("steps.template")}</StepTitle>
          <TemplateStep
            units={units}
            unit={unit}
            plan={plan}
            period={period}
            onChange={choice}
            onNext={() => setStep(1)}
          />
        </Stepper.Step>
        <Stepper.Step label={t("steps.upload")} description={t("steps.uploadHint")}>
          <StepTitle>{t("steps.upload")}</StepTitle>
          <UploadStep
            chosen={chosen}
            onChoose={choose}
            onCheck={check}
            checking={dryRun.isPending}
            error={dryRun.error}
            onBack={() => setStep(0)}
          />
        </Stepper.Step>
        <Stepper.Step label={t("steps.check")} description={t("steps.checkHint")}>
          <StepTitle>{t("steps.check")}</StepTitle>
          {checked && chosen && (
            <DryRunStep
              answer={checked}
              fileName={chosen.file.name}
              onCommit={send}
              committing={commit.isPending || committing.current}
              onBack={() => setStep(1)}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t("steps.commit")} description={t("steps.commitHint")}>
          <StepTitle>{t("steps.commit")}</StepTitle>
          {key && (
            <CommitStep
              importKey={key}
              sending={commit.isPending}
              answer={commit.data}
              error={commit.error}
              entry={{ unit, plan, period }}
              onRetry={commit.isError && chosen ? send : undefined}
              onRestart={restart}
            />
          )}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
