/**
 * The frame of every administration page: the areas the signed-in user may open (a sub-navigation
 * by `can` flags), the page's heading, and what a visitor without the right sees instead — the
 * sign-in page when signed out, a plain refusal when signed in without the flag. The server
 * refuses the requests anyway; this only spares a page of 403s.
 */
import { Alert, Stack, Text, Title } from "@mantine/core";
import { Link, useLocation, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { type AdminArea, adminAreas } from "./areas.js";
import "./strings.js";
import "./admin.css";

export function AdminFrame({
  area,
  title,
  intro,
  actions,
  children,
}: {
  /** The area this page belongs to: its flag decides whether the page is shown. */
  area: AdminArea | null;
  title: string;
  intro?: ReactNode;
  /** Buttons beside the heading (create, upload). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation("admin");
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const signedOut = session.isSuccess && session.data === null;

  // Only from an administration page: while the sign-in page loads this frame is still mounted,
  // and sending that location to sign in again would nest "next" without end.
  const here = location.pathname.startsWith("/admin") ? location.href : null;
  useEffect(() => {
    if (signedOut && here) void navigate({ to: "/sign-in", search: { next: here }, replace: true });
  }, [signedOut, navigate, here]);

  if (session.isError) return <ErrorNote error={session.error} />;
  const can = session.data?.can;
  if (!can) return <Loading />;
  const open = adminAreas.filter((a) => a.open(can));
  const allowed = area === null ? open.length > 0 : open.some((a) => a.key === area);

  return (
    <Stack className="page admin-page" gap="md">
      {open.length > 0 && (
        <nav aria-label={t("areasNav")} className="admin-areas">
          <Link to="/admin" className="admin-area-link" activeOptions={{ exact: true }}>
            {t("home")}
          </Link>
          {open.map((a) => (
            <Link key={a.key} to={a.to} className="admin-area-link">
              {t(`areas.${a.key}.title`)}
            </Link>
          ))}
        </nav>
      )}
      <div className="admin-head">
        <div>
          <Title order={1}>{title}</Title>
          {intro && (
            <Text c="gray.7" size="sm" mt={4}>
              {intro}
            </Text>
          )}
        </div>
        {allowed && actions && <div className="admin-actions">{actions}</div>}
      </div>
      {allowed ? (
        children
      ) : (
        <Alert color="orange" role="status">
          {t("notAllowed")}
        </Alert>
      )}
    </Stack>
  );
}
