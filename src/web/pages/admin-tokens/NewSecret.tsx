/**
 * A token just issued: its secret, shown this once (the server keeps only a hash), with a copy
 * button, and ready `curl` commands against this instance to try it. Focus moves here so a
 * keyboard or screen-reader user lands on it; it stays until dismissed.
 */
import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { copyText } from "./copy-text.js";
import type { Issued } from "./IssueTokenModal.js";
import { curlExamples } from "./token-model.js";

type Copied = { what: string; ok: boolean } | null;

export function NewSecret({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const { t } = useTranslation("adminTokens");
  const heading = useRef<HTMLHeadingElement>(null);
  const secretField = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const examples = curlExamples(globalThis.location.origin, issued, issued.sample);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const copy = async (what: string, text: string, field: HTMLInputElement | HTMLTextAreaElement | null) =>
    setCopied({ what, ok: await copyText(text, field) });

  return (
    <section className="tokens-secret" aria-labelledby="new-token-title" data-testid="new-secret">
      <Stack gap="sm">
        <Title order={2} size="h3" id="new-token-title" ref={heading} tabIndex={-1}>
          {t("secret.title", { name: issued.name })}
        </Title>
        <Alert color="orange" role="note">
          {t("secret.once")}
        </Alert>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            ref={secretField}
            label={t("secret.label")}
            value={issued.token}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="token-secret"
          />
          <Button onClick={() => void copy("secret", issued.token, secretField.current)}>
            {copied?.what === "secret" && copied.ok ? t("secret.copied") : t("secret.copy")}
          </Button>
        </Group>
        <div aria-live="polite">
          {copied && !copied.ok && (
            <Text size="sm" c="orange.9">
              {t("secret.copyFailed")}
            </Text>
          )}
        </div>
        <Title order={3} size="h5">
          {t("secret.examples.title")}
        </Title>
        {examples.map((ex) => (
          <Command
            key={ex.key}
            label={t(`secret.examples.${ex.key}`)}
            command={ex.command}
            copied={copied}
            onCopy={copy}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("secret.done")}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

function Command({
  label,
  command,
  copied,
  onCopy,
}: {
  label: string;
  command: string;
  copied: Copied;
  onCopy: (what: string, text: string, field: HTMLTextAreaElement | null) => Promise<void>;
}) {
  const { t } = useTranslation("adminTokens");
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <Stack gap={4}>
      <Textarea
        ref={field}
        label={label}
        value={command}
        readOnly
        // One row per line and one for a scrollbar: long lines scroll sideways inside the field.
        rows={command.split("\n").length + 1}
        className="tokens-command"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Group justify="flex-end">
        <Button size="xs" variant="light" onClick={() => void onCopy(label, command, field.current)}>
          {copied?.what === label && copied.ok ? t("secret.copied") : t("secret.copyCommand")}
        </Button>
      </Group>
    </Stack>
  );
}
