/**
 * Step 4: the commit under way and its result. The bar follows GET /observations/imports/{key}
 * (every 500 ms until done or failed); the answer gives rows written and left unchanged, and a
 * link to the entry grid shows the values. After a reload only the key is known: the progress the
 * server still keeps, and the answer if this tab kept it.
 */
import { Alert, Anchor, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { type ImportProgress, type UploadAnswer, useImportProgress } from "../../api/imports.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import { importView } from "./dry-run-view.js";
import { ErrorTable } from "./ErrorTable.js";
import { recalledResult } from "./result-store.js";

/** The bar's share (0–100) and whether its end is unknown yet (reading the file). */
export function progressShare(
  p: ImportProgress | undefined,
  finished: boolean,
): { value: number; known: boolean } {
  if (finished || p?.phase === "done") return { value: 100, known: true };
  if (p?.phase === "writing" && p.total)
    return { value: Math.min(100, (100 * p.done) / p.total), known: true };
  return { value: 100, known: false };
}

export function CommitStep({
  importKey,
  sending,
  answer,
  error,
  entry,
  onRetry,
  onRestart,
}: {
  importKey: string;
  sending: boolean;
  answer: UploadAnswer | undefined;
  error: unknown;
  entry: { unit: string | undefined; plan: string; period: string };
  onRetry: (() => void) | undefined;
  onRestart: () => void;
}) {
  const { t } = useTranslation("import");
  const lang = currentLanguage();
  const n = (v: number) => formatNumber(v, lang, 0);
  const progress = useImportProgress(importKey, sending);
  const result = answer ?? recalledResult(importKey);
  const p = progress.data;
  const written = result && !result.refused;
  const failed = Boolean(result?.refused) || (!result && !sending && p?.phase === "failed");
  const unknown =
    !result && !sending && progress.error instanceof ApiError && progress.error.status === 404 && !error;
  const bar = progressShare(p, Boolean(written));
  const view = result ? importView(result.summary, lang) : undefined;
  const finished = Boolean(written) || (!sending && p?.phase === "done");

  return (
    <Stack gap="md" mt="md" maw={760}>
      {!failed && !unknown && (
        <div>
          <Text size="sm" id="import-progress-label" mb={4}>
            {finished
              ? t("commit.finished")
              : p?.phase === "writing"
                ? t("commit.writing", { done: n(p.done), total: n(p.total ?? 0) })
                : t("commit.reading", { done: n(p?.done ?? 0) })}
          </Text>
          <Progress.Root
            size="lg"
            className="import-progress"
            data-phase={finished ? "done" : (p?.phase ?? "starting")}
          >
            {/* The section is the progressbar (role, aria-valuenow): it carries the name. */}
            <Progress.Section
              value={bar.value}
              animated={!finished && !bar.known}
              striped={!finished && !bar.known}
              aria-labelledby="import-progress-label"
            />
          </Progress.Root>
        </div>
      )}
      {written && view && (
        <Alert color="#1b5e20" role="status" title={t("commit.doneTitle")}>
          {t("commit.done", {
            written: n(view.writes),
            created: n(view.counts.created),
            changed: n(view.counts.changed),
            unchanged: n(view.counts.unchanged),
          })}
        </Alert>
      )}
      {!result && finished && (
        <Alert color="#1b5e20" role="status" title={t("commit.doneTitle")}>
          {t("commit.doneAfterReload", { done: n(p?.done ?? 0) })}
        </Alert>
      )}
      {result?.refused && view && (
        <>
          <Alert color="red" role="alert" title={t("commit.refusedTitle")}>
            {result.refused.message}
          </Alert>
          {view.errors.length > 0 && <ErrorTable errors={view.errors} more={view.moreErrors} />}
        </>
      )}
      {!result && failed && (
        <Alert color="red" role="alert" title={t("commit.refusedTitle")}>
          {t("commit.failed")}
        </Alert>
      )}
      {unknown && (
        <Alert color="#8a4b00" role="status">
          {t("commit.unknown")}
        </Alert>
      )}
      {error ? (
        <Alert color="red" role="alert" title={t("upload.failedTitle")}>
          {error instanceof ApiError ? error.message : t("upload.failed")}
        </Alert>
      ) : null}
      <Group gap="sm">
        {onRetry && (
          <Button onClick={onRetry} loading={sending}>
            {t("commit.retry")}
          </Button>
        )}
        {entry.unit && (finished || unknown) && (
          <Anchor
            renderRoot={(props) => (
              <Link
                {...props}
                to="/entry"
                search={{ unit: entry.unit, plan: entry.plan, period: entry.period }}
              />
            )}
          >
            {t("commit.toEntry")}
          </Anchor>
        )}
        {!sending && (
          <Button variant="default" onClick={onRestart}>
            {t("commit.another")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
