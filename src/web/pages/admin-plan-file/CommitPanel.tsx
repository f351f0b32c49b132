/**
 * After a clean dry run of this very text: a reason, then the import behind a confirmation that
 * names the plan (and says whether it is created or updated); then what was done, with links to
 * the plan's outline and to the import's entry in the audit trail. A refusal is shown in the
 * server's words, and the text and reason stay as they were.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanFileSummary } from "../../api/admin-plan-file.js";
import { useImportPlanFile } from "../../api/admin-plan-file.js";
import { ApiError } from "../../api/client.js";
import { usePlan } from "../../api/plans.js";
import { currentLanguage } from "../../i18n/index.js";
import { OutcomeSummary } from "./OutcomeSummary.js";

export function CommitPanel({
  text,
  checked,
  onDone,
}: {
  text: string;
  checked: PlanFileSummary;
  onDone: (summary: PlanFileSummary) => void;
}) {
  const { t } = useTranslation("adminPlanFile");
  const lang = currentLanguage();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const commit = useImportPlanFile();
  const plan = usePlan(checked.plan);
  const name = plan.data ? (lang === "en" && plan.data.name.en) || plan.data.name.vi : checked.plan;

  const run = () => {
    setConfirming(false);
    commit.mutate(
      { text, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: (summary) => onDone(summary) },
    );
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t("commit.reason")}
        description={t("commit.reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={500}
        maw={560}
      />
      <Group>
        <Button onClick={() => setConfirming(true)} loading={commit.isPending}>
          {t("commit.button", { plan: checked.plan })}
        </Button>
      </Group>
      {commit.isPending && (
        <Text size="sm" role="status">
          {t("commit.importing")}
        </Text>
      )}
      {commit.isError && (
        <Alert color="red" role="alert" title={t("commit.failedTitle")}>
          {commit.error instanceof ApiError ? commit.error.message : String(commit.error)}
        </Alert>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("commit.confirmTitle", { plan: checked.plan })}
        centered
      >
        <Text size="sm">
          {checked.created
            ? t("commit.confirmCreate", { plan: checked.plan })
            : t("commit.confirmUpdate", { plan: checked.plan, name })}
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t("commit.cancel")}
          </Button>
          <Button onClick={run} data-autofocus>
            {t("commit.confirm")}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

export function CommitResult({ summary, onAgain }: { summary: PlanFileSummary; onAgain: () => void }) {
  const { t } = useTranslation("adminPlanFile");
  return (
    <Alert color="green" role="status">
      <Text fw={700} mb={4}>
        {t("commit.doneTitle")}
      </Text>
      <OutcomeSummary summary={summary} done />
      <Group gap="md" mt="sm">
        <Link to="/admin/plans/$plan" params={{ plan: summary.plan }} className="pf-link">
          {t("commit.outline")}
        </Link>
        <Link to="/admin/audit" search={{ entityType: "plan", entityId: summary.plan }} className="pf-link">
          {t("commit.audit")}
        </Link>
        <Button variant="subtle" size="compact-sm" onClick={onAgain}>
          {t("commit.again")}
        </Button>
      </Group>
    </Alert>
  );
}
