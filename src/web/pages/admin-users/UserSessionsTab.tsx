/** An account's open sessions (administrators): when, where, which browser; end them all (confirmed). */
import { Alert, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type UserDetail, useEndUserSessions, useUserSessions } from "../../api/admin-users.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { describeUserAgent } from "../account/user-agent.js";
import { ConfirmModal } from "./ConfirmModal.js";

export function UserSessionsTab({ user }: { user: UserDetail }) {
  const { t } = useTranslation("adminUsers");
  const lang = currentLanguage();
  const sessions = useUserSessions(user.id, user.can.edit);
  const end = useEndUserSessions(user.id);
  const [asking, setAsking] = useState(false);

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t("sessions.title")}
      </Title>
      <Text size="sm">{t("sessions.intro")}</Text>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorNote error={sessions.error} />
      ) : sessions.data.items.length === 0 ? (
        <Text>{t("sessions.none")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped withTableBorder miw={720}>
            <Table.Caption c="gray.7">{t("sessions.caption", { count: sessions.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("sessions.browser")}</Table.Th>
                <Table.Th scope="col">{t("sessions.ip")}</Table.Th>
                <Table.Th scope="col">{t("sessions.created")}</Table.Th>
                <Table.Th scope="col">{t("sessions.lastSeen")}</Table.Th>
                <Table.Th scope="col">{t("sessions.expires")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((s) => {
                const { browser, os } = describeUserAgent(s.userAgent);
                return (
                  <Table.Tr key={`${s.createdAt}|${s.ip ?? ""}|${s.userAgent ?? ""}`}>
                    <Table.Th scope="row" fw={400}>
                      <span title={s.userAgent ?? undefined}>
                        {[browser, os].filter(Boolean).join(" · ") || t("sessions.unknown")}
                      </span>
                    </Table.Th>
                    <Table.Td>{s.ip ?? t("sessions.unknown")}</Table.Td>
                    <Table.Td>{formatDateTime(s.createdAt, lang)}</Table.Td>
                    <Table.Td>{formatDateTime(s.lastSeenAt, lang)}</Table.Td>
                    <Table.Td>{formatDateTime(s.expiresAt, lang)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {end.isSuccess && (
        <Alert color="green" role="status">
          {t("sessions.ended", { count: end.data.ended })}
        </Alert>
      )}
      <Group>
        <Button variant="outline" color="red.9" onClick={() => setAsking(true)}>
          {t("sessions.endAll")}
        </Button>
      </Group>
      <ConfirmModal
        opened={asking}
        title={t("sessions.confirmTitle", { username: user.username })}
        body={t("sessions.confirmBody")}
        confirm={t("sessions.endAll")}
        color="red.9"
        pending={end.isPending}
        error={end.error}
        onClose={() => setAsking(false)}
        onConfirm={() => end.mutate(undefined, { onSuccess: () => setAsking(false) })}
      />
    </Stack>
  );
}
