/**
 * Step 3: the dry run's answer. What would change — new, changed, unchanged, locked — and, when
 * rows were refused, the server's message and every row's error; nothing has been written. The
 * commit button shows only when the file can go in as it is (all or nothing).
 */
import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UploadAnswer } from "../../api/imports.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import { importView, isFileRefusal } from "./dry-run-view.js";
import { ErrorTable } from "./ErrorTable.js";

export function DryRunStep({
  answer,
  fileName,
  onCommit,
  committing,
  onBack,
}: {
  answer: UploadAnswer;
  fileName: string;
  onCommit: () => void;
  committing: boolean;
  onBack: () => void;
}) {
  const { t } = useTranslation("import");
  const lang = currentLanguage();
  const view = importView(answer.summary, lang);
  // (Normally shown with the file in step 2; kept here should one arrive.)
  const fileRefused = isFileRefusal(answer.refused?.code);
  const n = (v: number) => formatNumber(v, lang, 0);
  const tiles = [
    { key: "created", value: view.counts.created, tone: "new" },
    { key: "changed", value: view.counts.changed, tone: "changed" },
    { key: "unchanged", value: view.counts.unchanged, tone: "same" },
    { key: "locked", value: view.counts.locked, tone: "locked" },
  ] as const;

  return (
    <Stack gap="md" mt="md">
      <Text size="sm">
        {t("check.lead", { name: fileName, rows: n(view.counts.rows) })}{" "}
        <strong>{t("check.nothingWritten")}</strong>
      </Text>
      {answer.refused && (
        <Alert color="red" role="alert" title={fileRefused ? t("check.fileRefused") : t("check.rejected")}>
          {answer.refused.message}
        </Alert>
      )}
      {!fileRefused && answer.counted && (
        <section aria-label={t("check.summary")}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
            {tiles.map((x) => (
              <div key={x.key} className={`import-tile import-tile-${x.tone}`}>
                <Text component="dt" size="xs" c="gray.7">
                  {t(`check.counts.${x.key}`)}
                </Text>
                <Text component="dd" m={0} fw={700} size="xl">
                  {n(x.value)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Text size="xs" c="gray.7" mt={4}>
            {view.outcome === "rejected" ? t("check.countsBesideErrors") : t("check.countsHint")}
          </Text>
        </section>
      )}
      {view.errors.length > 0 && !fileRefused && <ErrorTable errors={view.errors} more={view.moreErrors} />}
      {view.outcome === "ready" && (
        <Alert color="#1b5e20" role="status">
          {t("check.ready", { count: view.writes, rows: n(view.writes) })}
        </Alert>
      )}
      {view.outcome === "nothing" && (
        <Alert color="#0b57d0" role="status">
          {t("check.nothingToDo")}
        </Alert>
      )}
      <Group gap="sm">
        {view.outcome === "ready" && (
          <Button onClick={onCommit} loading={committing} disabled={committing}>
            {t("check.commit", { count: view.writes, rows: n(view.writes) })}
          </Button>
        )}
        <Button variant={view.outcome === "ready" ? "subtle" : "filled"} onClick={onBack}>
          {view.outcome === "ready" ? t("back") : t("check.another")}
        </Button>
      </Group>
    </Stack>
  );
}
