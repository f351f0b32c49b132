/**
 * The file: dropped on the box or chosen with the button (the keyboard's way), its name and size
 * shown, a wrong kind or too large a file named before anything is sent; or its text pasted. A
 * chosen file's text fills the text box, where a line the check found wrong can be corrected.
 */
import { Alert, Button, FileButton, Group, Paper, Text, Textarea, Title } from "@mantine/core";
import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n/index.js";
import { formatSize } from "../import/file-size.js";
import { type ChosenPlanFile, MAX_BYTES, readPlanFile } from "./chosen-file.js";
import { ACCEPT } from "./plan-file-kind.js";

export function FileSource({
  chosen,
  edited,
  text,
  textBytes,
  onChosen,
  onText,
  onClear,
}: {
  chosen: ChosenPlanFile | null;
  /** Whether the text was changed after the file was loaded. */
  edited: boolean;
  text: string;
  textBytes: number;
  onChosen: (c: ChosenPlanFile) => void;
  onText: (text: string) => void;
  onClear: () => void;
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
      <Textarea
        mt="md"
        label={t("source.text")}
        description={t("source.textHint")}
        value={text}
        onChange={(e) => onText(e.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={16}
        spellCheck={false}
        classNames={{ input: "pf-text" }}
        error={
          textBytes > MAX_BYTES
            ? t("source.textTooLarge", { size: formatSize(textBytes, lang), limit })
            : undefined
        }
      />
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
