/**
 * The frame of every page: a skip link, the header (brand, navigation by role, language switch,
 * the account or a sign-in button) and the page. Meeting mode shows the page alone. An expired
 * session sends the user to sign in and back to where they were.
 */
import { Button } from "@mantine/core";
import { Link, Outlet, useLocation, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { onSessionExpired } from "../api/client.js";
import { useSession, useSignOut } from "../api/session.js";
import { ToggleButtons } from "../components/ToggleButtons.js";
import { currentLanguage, type Language, setLanguage } from "../i18n/index.js";
import { useSignOutGuard } from "../offline/sign-out-guard.js";
import { opensAdmin } from "../pages/admin/areas.js";

export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const href = useRouterState({ select: (s) => s.location.href });
  const user = session.data?.user;
  // Signing out wipes the user's unsent values and cached data, asking first if any are unsent.
  const guard = useSignOutGuard(user?.id, () =>
    signOut.mutate(undefined, { onSettled: () => void navigate({ to: "/" }) }),
  );

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
        {/* A grid with fixed places (brand, navigation, tools); the session is known before the first render (routes.tsx). */}
        <div className="app-header-inner">
          <Link to="/" className="brand" aria-label={t("shell.home")}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="brand-name">Chỉ Nam</span>
          </Link>
          <nav aria-label={t("shell.nav")} className="app-nav">
            <Link to="/" className="nav-link" activeOptions={{ exact: true, includeSearch: false }}>
              {t("shell.overview")}
            </Link>
            <Link to="/plans/$plan/roadmap" params={{ plan: "NQ57" }} className="nav-link">
              {t("shell.roadmap")}
            </Link>
            {user && session.data?.can.importValues && (
              <Link to="/entry" className="nav-link">
                {t("shell.entry")}
              </Link>
            )}
            {user && session.data?.can.reviewValues && (
              <Link to="/review" className="nav-link">
                {t("shell.review")}
              </Link>
            )}
            {user && opensAdmin(session.data?.can) && (
              <Link to="/admin" className="nav-link">
                {t("shell.admin")}
              </Link>
            )}
            {user && (
              <Link to="/meeting" className="nav-link">
                {t("shell.meeting")}
              </Link>
            )}
          </nav>
          <div className="app-tools">
            <div className="account-area">
              {user ? (
                <>
                  <Link to="/account" className="nav-link user-link" title={t("shell.account")}>
                    <span className="user-name">{user.displayName}</span>
                    <span className="user-short">{t("shell.accountShort")}</span>
                  </Link>
                  <Button size="sm" variant="default" loading={signOut.isPending} onClick={guard.request}>
                    {t("shell.signOut")}
                  </Button>
                  {guard.modal}
                </>
              ) : session.isSuccess && location.pathname !== "/sign-in" ? (
                <Button
                  size="sm"
                  renderRoot={(props) => <Link {...props} to="/sign-in" search={{ next: href }} />}
                >
                  {t("shell.signIn")}
                </Button>
              ) : null}
            </div>
            <ToggleButtons<Language>
              label={t("shell.language")}
              value={currentLanguage()}
              onChange={setLanguage}
              options={[
                { value: "vi", label: "VI", title: "Tiếng Việt" },
                { value: "en", label: "EN", title: "English" },
              ]}
            />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">{t("shell.footer")}</footer>
    </div>
  );
}
