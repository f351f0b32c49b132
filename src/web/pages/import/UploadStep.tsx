/**
 * Step 2: the filled file, dropped on the box or chosen with the button (the keyboard's way), its
 * name and size shown; a file of the wrong kind is named as such before anything is sent. Then
 * the check (a dry run on the server). The server's refusals — too large, not a spreadsheet after
 * all — come back as its message.
 */
import { Alert, Button, FileButton, Group, Paper, Stack, Text } from "@mantine/core";
import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { currentLanguage } from "../../i18n/index.js";
import { type ChosenFile, readChosen } from "./chosen-file.js";
import { ACCEPT } from "./file-kind.js";
import { formatSize } from "./file-size.js";

export function UploadStep({
  chosen,
  onChoose,
  onCheck,
  checking,
  error,
  onBack,
}: {
  chosen: ChosenFile | null;
  onChoose: (c: ChosenFile | null) => void;
  onCheck: () => void;
  checking: boolean;
  error: unknown;
  onBack: () => void;
}) {
  const { t } = useTranslation("import");
  const lang = currentLanguage();
  const [over, setOver] = useState(false);
  // Cleared after each choice, so choosing the same file again (after fixing it) is seen.
  const reset = useRef<() => void>(null);
  const take = (file: File | null | undefined) => {
    reset.current?.();
    if (file) void readChosen(file).then(onChoose);
  };
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md" mt="md" maw={720}>
      {/* Dropping is the mouse's shortcut; the button inside is the way for everyone else. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
      <div
        className={`import-drop${over ? " import-drop-over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Text fw={600}>{t("upload.drop")}</Text>
        <Text size="sm" c="gray.7">
          {t("upload.kinds")}
        </Text>
        <FileButton onChange={take} accept={ACCEPT} resetRef={reset}>
          {(props) => (
            <Button {...props} variant="default" mt="xs">
              {t("upload.choose")}
            </Button>
          )}
        </FileButton>
      </div>
      {chosen && (
        <Paper withBorder p="sm" aria-live="polite">
          <Text fw={600} className="import-file-name">
            {chosen.file.name}
          </Text>
          <Text size="sm" c="gray.7">
            {formatSize(chosen.file.size, lang)}
            {chosen.kind ? ` · ${t(`upload.kind.${chosen.kind}`)}` : ""}
          </Text>
          {(chosen.wrong || chosen.refusedBy) && (
            <Alert color="red" role="alert" mt="xs" title={t("upload.wrongTitle")}>
              {chosen.wrong
                ? t("upload.wrong", { name: chosen.file.name, kind: t(`kinds.${chosen.wrong}`) })
                : chosen.refusedBy}
            </Alert>
          )}
        </Paper>
      )}
      {error ? (
        <Alert color="red" role="alert" title={t("upload.failedTitle")}>
          {error instanceof ApiError ? error.message : t("upload.failed")}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button onClick={onCheck} disabled={!chosen?.kind || Boolean(chosen.refusedBy)} loading={checking}>
          {t("upload.check")}
        </Button>
        <Button variant="subtle" onClick={onBack}>
          {t("back")}
        </Button>
      </Group>
      {checking && (
        <Text size="sm" role="status">
          {t("upload.checking")}
        </Text>
      )}
    </Stack>
  );
}
