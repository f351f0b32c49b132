/**
 * The file: dropped on the box or chosen with the button (the keyboard's way), its name and size
 * shown, a wrong kind or too large a file named before anything is sent; or its text pasted. A
 * chosen file's text can be opened in the text box, where a line the check found wrong can be
 * corrected and checked again.
 */
import { Alert, Button, FileButton, Group, Paper, Text, Textarea, Title } from "@mantine/core";
import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n/index.js";
import { formatSize } from "../import/file-size.js";
import { type ChosenPlanFile, MAX_BYTES, readPlanFile } from "./chosen-file.js";
import { numberedLines } from "./error-rows.js";
import { ACCEPT } from "./plan-file-kind.js";

const lineCount = (text: string) => numberedLines(text).length;

export function FileSource({
  chosen,
  edited,
  fromFile,
  text,
  textBytes,
  onChosen,
  onText,
  onClear,
  onEdit,
}: {
  chosen: ChosenPlanFile | null;
  /** Whether the text was changed after the file was loaded. */
  edited: boolean;
  /**
   * Whether the text is a chosen file's, not shown: a plan file's thousands of lines in a text box
   * made every keystroke and click slow. It is opened for editing on request.
   */
  fromFile: boolean;
  text: string;
  textBytes: number;
  onChosen: (c: ChosenPlanFile) => void;
  onText: (text: string) => void;
  onClear: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation("adminPlanFile");
  const lang = currentLanguage();
  const [over, setOver] = useState(false);
  // Cleared after each choice, so choosing the same file again (after fixing it) is seen.
  const reset = useRef<() => void>(null);
  const limit = formatSize(MAX_BYTES, lang);
  const take = (file: File | null | undefined) => {
    reset.current?.();
    if (file) void readPlanFile(file).then(onChosen);
  };
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };
  const name =
    chosen && !chosen.wrong ? (edited ? t("source.edited", { name: chosen.name }) : chosen.name) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pf-source-title">
      <Title order={2} size="h4" id="pf-source-title">
        {t("source.title")}
      </Title>
      {/* Dropping is the mouse's shortcut; the button inside is the way for everyone else. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
      <div
        className={`pf-drop${over ? " pf-drop-over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Text fw={600}>{t("source.drop")}</Text>
        <Text size="sm" c="gray.7">
          {t("source.kinds", { limit })}
        </Text>
        <FileButton onChange={take} accept={ACCEPT} resetRef={reset}>
          {(props) => (
            <Button {...props} variant="default" mt="xs">
              {t("source.choose")}
            </Button>
          )}
        </FileButton>
      </div>
      <div aria-live="polite">
        {chosen && (
          <Paper withBorder p="sm" mt="sm">
            <Text fw={600} className="pf-file-name">
              {name ?? chosen.name}
            </Text>
            <Text size="sm" c="gray.7">
              {formatSize(chosen.size, lang)}
              {chosen.format ? ` · ${t(`source.format.${chosen.format}`)}` : ""}
            </Text>
            {chosen.wrong && (
              <Alert color="red" role="alert" mt="xs" title={t("source.wrongTitle")}>
                {chosen.wrong === "tooLarge"
                  ? t("source.tooLarge", { name: chosen.name, size: formatSize(chosen.size, lang), limit })
                  : t("source.wrong", { name: chosen.name, kind: t(`source.kind.${chosen.wrong}`) })}
              </Alert>
            )}
          </Paper>
        )}
      </div>
      {fromFile && chosen ? (
        <Group mt="md" gap="sm" align="center">
          <Text size="sm">{t("source.fromFile", { name: chosen.name, lines: lineCount(text) })}</Text>
          <Button variant="default" size="compact-sm" onClick={onEdit}>
            {t("source.editHere")}
          </Button>
        </Group>
      ) : (
        <Textarea
          mt="md"
          label={t("source.text")}
          description={t("source.textHint")}
          value={text}
          onChange={(e) => onText(e.currentTarget.value)}
          // Fixed rows, no autosize: measuring a plan's 400 KB of text on every render froze the page.
          rows={14}
          resize="vertical"
          spellCheck={false}
          classNames={{ input: "pf-text" }}
          error={
            textBytes > MAX_BYTES
              ? t("source.textTooLarge", { size: formatSize(textBytes, lang), limit })
              : undefined
          }
        />
      )}
      {(text || chosen) && (
        <Group mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            {t("source.clear")}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
