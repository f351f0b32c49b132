/**
 * One account (issue 15, item 1): its profile, its roles with their scopes in words and the roles
 * the signed-in person may grant it, and its sessions; the tab lives in the URL. Each action shows
 * by the account's own `can` flags.
 */
import { Anchor, Badge, Group, Stack, Tabs } from "@mantine/core";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useUser } from "../../api/admin-users.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { AccountActions } from "./AccountActions.js";
import { ProfileTab } from "./ProfileTab.js";
import { RolesTab } from "./RolesTab.js";
import { UserSessionsTab } from "./UserSessionsTab.js";
import { USER_TABS, type UserTab } from "./users-model.js";
import "./strings.js";
import "./users.css";

export function UserPage() {
  const { t } = useTranslation("adminUsers");
  const { id } = useParams({ from: "/admin/users/$id" });
  const search = useSearch({ from: "/admin/users/$id" });
  const navigate = useNavigate({ from: "/admin/users/$id" });
  const user = useUser(id);
  const data = user.data;
  // Sessions are an administrator's to see (the account's `edit`); the others read the rest.
  const tabs = USER_TABS.filter((x) => x !== "sessions" || data?.can.edit);
  const tab: UserTab = tabs.find((x) => x === search.tab) ?? "roles";

  return (
    <AdminFrame
      area="users"
      title={data ? data.displayName : t("title")}
      intro={
        data && (
          <Group gap="xs" component="span">
            <span>{data.username}</span>
            <Badge
              color={data.status === "active" ? "teal.9" : "gray.7"}
              variant="filled"
              tt="none"
              component="span"
            >
              {t(`status.${data.status}`)}
            </Badge>
          </Group>
        )
      }
      actions={data?.can.edit && <AccountActions user={data} size="sm" />}
    >
      <Stack gap="md">
        <Anchor renderRoot={(p) => <Link {...p} to="/admin/users" />} size="sm">
          ← {t("user.back")}
        </Anchor>
        {user.isPending ? (
          <Loading />
        ) : user.isError ? (
          <ErrorNote error={user.error} />
        ) : (
          <Tabs
            value={tab}
            keepMounted={false}
            onChange={(v) => {
              const next = tabs.find((x) => x === v);
              if (next) void navigate({ search: { tab: next }, replace: true });
            }}
          >
            <Tabs.List aria-label={t("user.tabs.label")}>
              {tabs.map((x) => (
                <Tabs.Tab key={x} value={x}>
                  {t(`user.tabs.${x}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="profile" pt="md">
              <ProfileTab user={user.data} />
            </Tabs.Panel>
            <Tabs.Panel value="roles" pt="md">
              <RolesTab user={user.data} />
            </Tabs.Panel>
            {user.data.can.edit && (
              <Tabs.Panel value="sessions" pt="md">
                <UserSessionsTab user={user.data} />
              </Tabs.Panel>
            )}
          </Tabs>
        )}
      </Stack>
    </AdminFrame>
  );
}
