/**
 * Sign in with a password, then the 6-digit code when the account has a second factor (the API
 * answers TOTP_REQUIRED); the SSO button when the instance has OIDC configured. After signing in
 * the user returns to the page they came from (?next=), or to the overview.
 */
import { Alert, Button, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { useInstance, useSignIn } from "../../api/session.js";

export function SignInPage() {
  const { t } = useTranslation();
  const { next } = useSearch({ from: "/sign-in" });
  const navigate = useNavigate();
  const instance = useInstance();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needTotp, setNeedTotp] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { username: username.trim(), password, ...(needTotp && totp ? { totp: totp.trim() } : {}) },
      {
        onSuccess: (s) => {
          const to = s.user.mustEnrolTotp ? "/account?tab=totp" : (next ?? "/");
          void navigate({ href: to, replace: true });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === "TOTP_REQUIRED") setNeedTotp(true);
        },
      },
    );
  };

  const err = signIn.error;
  const showError = err && !(err instanceof ApiError && err.code === "TOTP_REQUIRED" && !totp);
  const sso = instance.data?.signIn.sso;

  return (
    <Paper className="auth-card" withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t("signIn.title")}
        </Title>
        {next && next !== "/" && <Text size="sm">{t("signIn.expired")}</Text>}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t("signIn.username")}
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label={t("signIn.password")}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {needTotp && (
              <TextInput
                ref={totpRef}
                label={t("signIn.totp")}
                description={t("signIn.totpHelp")}
                // Mantine's dimmed grey is 3.3:1 on white; gray.7 reaches 4.5:1.
                descriptionProps={{ c: "gray.7" }}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={10}
                value={totp}
                onChange={(e) => setTotp(e.currentTarget.value)}
              />
            )}
            {showError && (
              <Alert color="red" role="alert">
                {err.message}
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending} disabled={!username || !password}>
              {t("signIn.submit")}
            </Button>
          </Stack>
        </form>
        {sso && (
          <>
            <Divider label={t("signIn.or")} labelPosition="center" />
            <Button component="a" href={sso.startUrl} variant="default">
              {t("signIn.sso")}
            </Button>
          </>
        )}
        {/* The reset page needs the one-time link an administrator sends: nothing to link to here. */}
        <Text size="sm" c="gray.7">
          {t("signIn.forgot")}
        </Text>
      </Stack>
    </Paper>
  );
}
