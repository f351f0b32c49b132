/**
 * The user's sessions: where, which browser, since when and last seen, the current one marked.
 * "Sign out everywhere" ends every session, this one included (that is what the API does), so the
 * user lands on the sign-in page afterwards.
 */
import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type MySession, useMySessions, useSignOutEverywhere } from "../../api/account.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { describeUserAgent } from "./user-agent.js";

function Browser({ session }: { session: MySession }) {
  const { t } = useTranslation("account");
  const { browser, os } = describeUserAgent(session.userAgent);
  const name = browser && os ? t("sessions.on", { browser, os }) : (browser ?? os ?? t("sessions.unknown"));
  return (
    <span title={session.userAgent ?? undefined}>
      {name}{" "}
      {session.current && (
        <Badge color="brand" variant="light" size="sm">
          {t("sessions.current")}
        </Badge>
      )}
    </span>
  );
}

export function SessionsTab() {
  const { t } = useTranslation("account");
  const lang = currentLanguage();
  const everywhere = useSignOutEverywhere();
  // Once every session has ended, the list must not be asked for again (the cache is cleared
  // while this page is still shown): that would be a 401 on the way to the sign-in page.
  const sessions = useMySessions(!everywhere.isSuccess);
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);

  const signOutAll = () =>
    everywhere.mutate(undefined, {
      onSuccess: () => void navigate({ to: "/sign-in", search: { next: "/account?tab=sessions" } }),
    });

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
      ) : (
        <div className="table-scroll">
          <Table striped highlightOnHover withTableBorder miw={640}>
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
              {sessions.data.items.map((s) => (
                <Table.Tr
                  key={`${s.createdAt}|${s.ip ?? ""}|${s.userAgent ?? ""}`}
                  data-current={s.current || undefined}
                >
                  <Table.Th scope="row" fw={s.current ? 600 : 400}>
                    <Browser session={s} />
                  </Table.Th>
                  <Table.Td>{s.ip ?? t("sessions.unknown")}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt, lang)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt, lang)}</Table.Td>
                  <Table.Td>{formatDateTime(s.expiresAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Group>
        <Button variant="outline" onClick={() => setAsking(true)}>
          {t("sessions.signOutAll")}
        </Button>
      </Group>
      <Text size="sm" c="gray.7">
        {t("sessions.signOutAllHelp")}
      </Text>
      {everywhere.isError && <ErrorNote error={everywhere.error} />}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t("sessions.confirmTitle")} centered>
        <Stack gap="md">
          <Text>{t("sessions.confirmBody")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t("sessions.cancel")}
            </Button>
            <Button loading={everywhere.isPending} onClick={signOutAll}>
              {t("sessions.confirmYes")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
