/**
 * People and roles (issue 15, item 1): the accounts with their roles, status and last sign-in,
 * searched (accents ignored) and filtered by status and role in the URL; creating an account
 * with its one-time link; reset links and disabling for administrators (the session's
 * `manageUsers`), read-only for the Standing Office.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { Link, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type UserRow, useUsers } from "../../api/admin-users.js";
import { useSession } from "../../api/session.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { AccountActions } from "./AccountActions.js";
import { CreateUserModal } from "./CreateUserModal.js";
import { UserFilters } from "./UserFilters.js";
import "./strings.js";
import "./users.css";

const PAGE = 100;

function Roles({ user }: { user: UserRow }) {
  const { t } = useTranslation("adminUsers");
  if (user.roles.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t("table.noRoles")}
      </Text>
    );
  return (
    <ul className="user-roles">
      {user.roles.map((g) => (
        <li key={g.id}>
          {t(`roles.${g.role}`)}
          {(g.unit ?? g.system ?? g.project ?? g.plan) && (
            <span className="user-role-scope">
              {" "}
              · {[g.plan, g.system, g.project, g.unit].filter(Boolean).join(" / ")}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function UsersPage() {
  const { t } = useTranslation("adminUsers");
  const lang = currentLanguage();
  const search = useSearch({ from: "/admin/users" });
  const session = useSession();
  const manage = session.data?.can.manageUsers ?? false;
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const key = `${search.q ?? ""}|${search.status ?? ""}|${search.role ?? ""}`;
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    // Another filter starts again at the first page.
    setSeenKey(key);
    setCursors([]);
  }
  const list = useUsers({ limit: PAGE, ...search, ...(cursors.length ? { cursor: cursors.at(-1) } : {}) });

  return (
    <AdminFrame
      area="users"
      title={t("title")}
      intro={t("intro")}
      actions={manage && <Button onClick={() => setCreating(true)}>{t("create")}</Button>}
    >
      <Stack gap="md">
        <UserFilters search={search} />
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorNote error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Text>{t("table.empty")}</Text>
        ) : (
          <div className="table-scroll">
            <Table striped withTableBorder className="users-table users-cards">
              <Table.Caption c="gray.7">{t("table.caption", { count: list.data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("table.username")}</Table.Th>
                  <Table.Th scope="col">{t("table.name")}</Table.Th>
                  <Table.Th scope="col">{t("table.roles")}</Table.Th>
                  <Table.Th scope="col" className="users-status-col">
                    {t("table.status")}
                  </Table.Th>
                  <Table.Th scope="col">{t("table.lastLogin")}</Table.Th>
                  {manage && <Table.Th scope="col">{t("table.actions")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((u) => (
                  <Table.Tr key={u.id} data-username={u.username}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor
                        renderRoot={(p) => <Link {...p} to="/admin/users/$id" params={{ id: u.id }} />}
                        aria-label={t("actions.open", { username: u.username })}
                      >
                        {u.username}
                      </Anchor>{" "}
                      {u.demo && (
                        <Badge size="xs" variant="outline" color="gray.7" tt="none">
                          {t("table.demo")}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td data-label={t("table.name")}>
                      {u.displayName}
                      {u.email && (
                        <Text size="xs" c="gray.7">
                          {u.email}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td data-label={t("table.roles")}>
                      <Roles user={u} />
                    </Table.Td>
                    <Table.Td data-label={t("table.status")}>
                      <Badge color={u.status === "active" ? "teal.9" : "gray.7"} variant="filled" tt="none">
                        {t(`status.${u.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td data-label={t("table.lastLogin")}>
                      {u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t("table.never")}
                    </Table.Td>
                    {manage && (
                      <Table.Td data-label={t("table.actions")}>
                        <AccountActions user={u} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {list.data && (cursors.length > 0 || list.data.nextCursor) && (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              disabled={cursors.length === 0}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              ← {t("table.previous")}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!list.data.nextCursor}
              onClick={() =>
                list.data.nextCursor && setCursors((c) => [...c, list.data.nextCursor as string])
              }
            >
              {t("table.more")} →
            </Button>
          </Group>
        )}
      </Stack>
      {manage && <CreateUserModal opened={creating} onClose={() => setCreating(false)} />}
    </AdminFrame>
  );
}
