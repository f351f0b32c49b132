/**
 * Change the password: the current one, the new one twice. The server's policy decides (at least
 * 12 characters, not the username, not common) and its message is shown in the page's language;
 * the form only catches a mismatch and an obviously short password before asking. The API ends
 * the user's other sessions and keeps this one, so the user stays here.
 */
import { Alert, Button, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useChangePassword } from "../../api/account.js";

const MIN_LENGTH = 12;

export function PasswordTab() {
  const { t } = useTranslation("account");
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [tried, setTried] = useState(false);

  const tooShort = [...next].length < MIN_LENGTH;
  const mismatch = next !== again;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!current || tooShort || mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          setAgain("");
          setTried(false);
        },
      },
    );
  };

  return (
    <Stack gap="sm" maw={480}>
      <Title order={2} size="h3">
        {t("password.title")}
      </Title>
      <Text size="sm">{t("password.intro")}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t("password.current")}
            name="currentPassword"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t("password.new")}
            name="newPassword"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={tried && tooShort ? t("password.tooShort") : undefined}
          />
          <PasswordInput
            label={t("password.confirm")}
            name="confirmPassword"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            error={tried && !tooShort && mismatch ? t("password.mismatch") : undefined}
          />
          {change.isError && (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          )}
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t("password.done")}
            </Alert>
          )}
          <Button type="submit" loading={change.isPending} disabled={!current || !next || !again}>
            {t("password.submit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
