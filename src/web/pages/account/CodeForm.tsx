/** A 6-digit TOTP code and a submit button, shared by confirming and turning off the second factor. */
import { Alert, Button, Group, Stack, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

const SIX_DIGITS = /^\d{6}$/;

export function CodeForm(props: {
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (code: string) => void;
  /** "outline" for turning something off: the same red, less weight than a confirmation. */
  variant?: "filled" | "outline";
  extra?: ReactNode;
}) {
  const { t } = useTranslation("account");
  const [code, setCode] = useState("");
  const [tried, setTried] = useState(false);
  const clean = code.replace(/\s/g, "");
  const malformed = !SIX_DIGITS.test(clean);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!malformed) props.onSubmit(clean);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={320}>
        <TextInput
          label={t("totp.code")}
          description={t("totp.codeHelp")}
          // Mantine's dimmed grey is 3.3:1 on white; gray.7 reaches 4.5:1.
          descriptionProps={{ c: "gray.7" }}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={tried && malformed ? t("totp.codeFormat") : undefined}
        />
        {props.error && (
          <Alert color="red" role="alert">
            {props.error.message}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" variant={props.variant ?? "filled"} loading={props.pending}>
            {props.submitLabel}
          </Button>
          {props.extra}
        </Group>
      </Stack>
    </form>
  );
}
