/**
 * The chain's verification, for those whose session may run it: on request (it reads every
 * entry), with the result in sentences — intact and how many entries, or where it breaks and how —
 * and what this instance's anchor says.
 */
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuditVerify } from "../../api/admin-audit.js";
import { ErrorNote } from "../../components/QueryState.js";
import { verifyLines } from "./audit-model.js";

export function VerifyPanel() {
  const { t } = useTranslation("adminAudit");
  const [asked, setAsked] = useState(false);
  const verify = useAuditVerify(asked);
  const run = () => {
    if (asked) void verify.refetch();
    else setAsked(true);
  };
  const result = verify.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-verify-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div style={{ flex: "1 1 280px" }}>
            <Title order={2} size="h4" id="audit-verify-title">
              {t("verify.title")}
            </Title>
            <Text size="sm" c="gray.7">
              {t("verify.intro")}
            </Text>
          </div>
          <Button variant="outline" onClick={run} loading={verify.isFetching}>
            {result ? t("verify.again") : t("verify.run")}
          </Button>
        </Group>
        <div aria-live="polite">
          {verify.isFetching && !result && (
            <Group gap="xs">
              <Loader size="xs" aria-hidden />
              <Text size="sm">{t("verify.running")}</Text>
            </Group>
          )}
          {verify.isError && <ErrorNote error={verify.error} />}
          {result && (
            <Alert color={result.ok ? "green" : "red"} data-verify={result.ok ? "ok" : "broken"}>
              {verifyLines(result).map((l) => (
                <Text size="sm" key={l.key}>
                  {t(l.key, l.values)}
                </Text>
              ))}
            </Alert>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
