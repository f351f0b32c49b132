/**
 * "Start from the current definition": a plan chosen (kept in the URL) and its definition
 * downloaded as YAML, offered when the API says the signed-in user administers that plan. The
 * file is fetched first, so a refusal is shown in the server's words instead of saved as a file.
 */
import { Alert, Button, Group, NativeSelect, Paper, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadDefinition } from "../../api/admin-plan-file.js";
import { ApiError } from "../../api/client.js";
import { usePlan, usePlans } from "../../api/plans.js";
import { currentLanguage } from "../../i18n/index.js";

function saveAs(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CurrentDefinition({ plan, onPlan }: { plan: string; onPlan: (code: string) => void }) {
  const { t } = useTranslation("adminPlanFile");
  const lang = currentLanguage();
  const plans = usePlans();
  const detail = usePlan(plan);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = (plans.data?.items ?? []).map((p) => ({
    value: p.code,
    label: `${p.code} — ${(lang === "en" && p.name.en) || p.name.vi}`,
  }));
  if (!options.some((o) => o.value === plan)) options.unshift({ value: plan, label: plan });

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { text, filename } = await downloadDefinition(plan);
      saveAs(text, filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pf-current-title">
      <Title order={2} size="h4" id="pf-current-title">
        {t("current.title")}
      </Title>
      <Text size="sm" c="gray.7" mt={4}>
        {t("current.body")}
      </Text>
      <Group gap="sm" mt="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("current.plan")}
          data={options}
          value={plan}
          onChange={(e) => onPlan(e.currentTarget.value)}
          className="pf-plan-select"
        />
        {detail.data?.can.administer && (
          <Button variant="default" onClick={() => void download()} loading={busy}>
            {t("current.download")}
          </Button>
        )}
      </Group>
      {detail.data && !detail.data.can.administer && (
        <Text size="sm" c="gray.7" mt="xs">
          {t("current.noAdmin")}
        </Text>
      )}
      {busy && (
        <Text size="sm" role="status" mt="xs">
          {t("current.downloading")}
        </Text>
      )}
      {error ? (
        <Alert color="red" role="alert" mt="sm">
          {error instanceof ApiError ? error.message : String(error)}
        </Alert>
      ) : null}
    </Paper>
  );
}
