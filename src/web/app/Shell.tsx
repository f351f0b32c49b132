/**
 * The frame of every page: a skip link, the header (brand, navigation by role, language switch,
 * the account or a sign-in button) and the page. Meeting mode shows the page alone. An expired
 * session sends the user to sign in and back to where they were.
 */
import { Button, Group, SegmentedControl } from "@mantine/core";
import { Link, Outlet, useLocation, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { onSessionExpired } from "../api/client.js";
import { useSession, useSignOut } from "../api/session.js";
import { currentLanguage, type Language, setLanguage } from "../i18n/index.js";

export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const href = useRouterState({ select: (s) => s.location.href });
  const user = session.data?.user;

  useEffect(() => {
    onSessionExpired(() => {
      const here = window.location.pathname + window.location.search;
      void navigate({ to: "/sign-in", search: { next: here.startsWith("/sign-in") ? undefined : here } });
    });
  }, [navigate]);

  // An administrator who must enrol a second factor does that before anything else.
  useEffect(() => {
    if (user?.mustEnrolTotp && location.pathname !== "/account")
      void navigate({ to: "/account", search: { tab: "totp" } });
  }, [user?.mustEnrolTotp, location.pathname, navigate]);

  if (location.pathname === "/meeting") return <Outlet />;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <header className="app-header">
        <Group justify="space-between" wrap="wrap" gap="xs" className="app-header-inner">
          <Group gap="md" wrap="wrap">
            <Link to="/" className="brand" aria-label={t("shell.home")}>
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <span>Chỉ Nam</span>
            </Link>
            <nav aria-label={t("shell.nav")}>
              <Group gap="xs" wrap="wrap">
                <Link to="/" className="nav-link" activeOptions={{ exact: true, includeSearch: false }}>
                  {t("shell.overview")}
                </Link>
                <Link to="/plans/$plan/roadmap" params={{ plan: "NQ57" }} className="nav-link">
                  {t("shell.roadmap")}
                </Link>
                {user && (
                  <Link to="/meeting" className="nav-link">
                    {t("shell.meeting")}
                  </Link>
                )}
              </Group>
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t("shell.language")}
              value={currentLanguage()}
              onChange={(v) => setLanguage(v as Language)}
              data={[
                { value: "vi", label: "VI" },
                { value: "en", label: "EN" },
              ]}
            />
            {user ? (
              <>
                <Link to="/account" className="nav-link user-link" title={t("shell.account")}>
                  <span className="user-name">{user.displayName}</span>
                  <span className="user-short">{t("shell.accountShort")}</span>
                </Link>
                <Button
                  size="xs"
                  variant="default"
                  loading={signOut.isPending}
                  onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: "/" }) })}
                >
                  {t("shell.signOut")}
                </Button>
              </>
            ) : session.isSuccess && location.pathname !== "/sign-in" ? (
              <Button
                size="xs"
                renderRoot={(props) => <Link {...props} to="/sign-in" search={{ next: href }} />}
              >
                {t("shell.signIn")}
              </Button>
            ) : null}
          </Group>
        </Group>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">{t("shell.footer")}</footer>
    </div>
  );
}
