/**
 * The signed-in user's account: password, the TOTP second factor and sessions, one tab each
 * (?tab=password|totp|sessions). An administrator who must enrol a second factor first sees only
 * the TOTP tab with the reason (the Shell sends every other page here until it is done).
 */
import { Alert, Stack, Tabs, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { PasswordTab } from "./PasswordTab.js";
import { SessionsTab } from "./SessionsTab.js";
import { TotpTab } from "./TotpTab.js";

type Tab = "password" | "totp" | "sessions";
const tabs: readonly Tab[] = ["password", "totp", "sessions"];

export function AccountPage() {
  const { t } = useTranslation("account");
  const { tab } = useSearch({ from: "/account" });
  const navigate = useNavigate();
  const session = useSession();

  const signedOut = session.isSuccess && session.data === null;

  // Signed out (or the session ended): the sign-in page brings the user back here.
  useEffect(() => {
    if (signedOut)
      void navigate({
        to: "/sign-in",
        search: { next: `/account${tab ? `?tab=${tab}` : ""}` },
        replace: true,
      });
  }, [signedOut, tab, navigate]);

  if (session.isError) return <ErrorNote error={session.error} />;
  const user = session.data?.user;
  if (!user) return <Loading />;

  const locked = user.mustEnrolTotp;
  const current: Tab = locked ? "totp" : (tab ?? "password");
  const shown = locked ? (["totp"] as const) : tabs;

  return (
    <Stack className="page account-page" gap="md">
      <div>
        <Title order={1}>{t("title")}</Title>
        <Text c="gray.7" size="sm">
          {user.displayName} · {t("signedInAs", { username: user.username })}
        </Text>
      </div>
      {locked && (
        <Alert color="orange" role="status">
          {t("totp.mustEnrol")}
        </Alert>
      )}
      <Tabs
        value={current}
        onChange={(v) => {
          const next = tabs.find((x) => x === v);
          if (next) void navigate({ to: "/account", search: { tab: next }, replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t("tabs.label")}>
          {shown.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="password" pt="md">
          <PasswordTab />
        </Tabs.Panel>
        <Tabs.Panel value="totp" pt="md">
          <TotpTab username={user.username} enabled={user.totpEnabled} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <SessionsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
