/**
 * A unit's profile (address, phone, e-mail, website, about) and its focal persons. Those working on
 * the plan and the unit's own roles read it; the profile's `can.edit` (the unit's approver, a system
 * administrator) offers the changes. Removing a focal person asks first.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type FocalPerson, useRemoveFocalPerson } from "../../api/admin-org-units.js";
import { ApiError } from "../../api/client.js";
import { useOrgUnitProfile } from "../../api/org-units.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { FocalModal, ProfileModal } from "./ProfileModals.js";

export function ProfileSection({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation("adminOrgUnits");
  const lang = currentLanguage();
  const profile = useOrgUnitProfile(code);
  const [editing, setEditing] = useState(false);
  const [focal, setFocal] = useState<FocalPerson | "new" | null>(null);
  const [removing, setRemoving] = useState<FocalPerson | null>(null);

  if (profile.isPending) return <Loading />;
  if (profile.error instanceof ApiError && profile.error.status === 403)
    return <Alert color="gray">{t("profile.notAllowed")}</Alert>;
  if (profile.isError) return <ErrorNote error={profile.error} />;
  const p = profile.data;
  const facts: [string, string | null, "mail" | "web" | null][] = [
    ["address", p.address, null],
    ["phone", p.phone, null],
    ["email", p.email, "mail"],
    ["website", p.website, "web"],
  ];

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Text component="h3" fw={600}>
            {t("profile.title")}
          </Text>
          {p.can.edit && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t("profile.edit")}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="dl" m={0}>
          {facts.map(([key, value, link]) => (
            <div key={key}>
              <Text size="xs" c="gray.7" component="dt">
                {t(`profile.${key}`)}
              </Text>
              <Text size="sm" component="dd" m={0} className="ou-break">
                {!value ? (
                  t("facts.none")
                ) : link === "mail" ? (
                  <Anchor href={`mailto:${value}`} size="sm">
                    {value}
                  </Anchor>
                ) : link === "web" ? (
                  <Anchor href={value} target="_blank" rel="noopener noreferrer" size="sm">
                    {value}
                  </Anchor>
                ) : (
                  value
                )}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {p.description && (
          <Text size="sm" mt="sm" style={{ whiteSpace: "pre-line" }}>
            {p.description}
          </Text>
        )}
        <Text size="xs" c="gray.7" mt="sm">
          {p.updatedAt
            ? `${t("profile.updatedAt")}: ${formatDateTime(p.updatedAt, lang)}`
            : t("profile.empty")}
          {" · "}
          {t("profile.whoEdits")}
        </Text>
      </Paper>

      <section aria-labelledby="ou-focal-title">
        <Group justify="space-between" mb="xs">
          <Text component="h3" fw={600} id="ou-focal-title">
            {t("focal.title")}
          </Text>
          {p.can.edit && (
            <Button size="xs" onClick={() => setFocal("new")}>
              {t("focal.add")}
            </Button>
          )}
        </Group>
        {p.focalPersons.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t("focal.none")}
          </Text>
        ) : (
          <ul className="ou-focal-list">
            {p.focalPersons.map((f) => (
              <li key={f.id}>
                <Paper withBorder p="sm">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <div className="ou-break">
                      <Group gap={6}>
                        <Text fw={600} size="sm">
                          {f.fullName}
                        </Text>
                        {f.isPrimary && (
                          <Badge size="xs" color="#1b5e20" variant="filled" tt="none">
                            {t("focal.primary")}
                          </Badge>
                        )}
                      </Group>
                      {f.position && <Text size="sm">{f.position}</Text>}
                      <Text size="sm">
                        {f.email && (
                          <Anchor href={`mailto:${f.email}`} size="sm">
                            {f.email}
                          </Anchor>
                        )}
                        {f.email && f.phone ? " · " : ""}
                        {f.phone}
                      </Text>
                      {f.responsibility && (
                        <Text size="xs" c="gray.7">
                          {t("focal.responsibility")}: {f.responsibility}
                        </Text>
                      )}
                    </div>
                    {p.can.edit && (
                      <Group gap={4}>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setFocal(f)}
                          aria-label={t("focal.editOne", { name: f.fullName })}
                        >
                          {t("focal.edit")}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          onClick={() => setRemoving(f)}
                          aria-label={t("focal.removeOne", { name: f.fullName })}
                        >
                          {t("focal.remove")}
                        </Button>
                      </Group>
                    )}
                  </Group>
                </Paper>
              </li>
            ))}
          </ul>
        )}
      </section>
      {editing && <ProfileModal code={code} name={name} profile={p} onClose={() => setEditing(false)} />}
      {focal && (
        <FocalModal
          code={code}
          name={name}
          person={focal === "new" ? null : focal}
          onClose={() => setFocal(null)}
        />
      )}
      {removing && <RemoveFocal code={code} person={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function RemoveFocal({ code, person, onClose }: { code: string; person: FocalPerson; onClose: () => void }) {
  const { t } = useTranslation("adminOrgUnits");
  const remove = useRemoveFocalPerson(code);
  return (
    <ConfirmModal
      title={t("focal.removeTitle")}
      body={t("focal.removeBody", { name: person.fullName })}
      confirm={t("focal.removeConfirm")}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(person.id, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}

function ConfirmModal(props: {
  title: string;
  body: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("adminOrgUnits");
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ "aria-label": t("form.close") }}
    >
      <Stack gap="sm">
        <Text size="sm">{props.body}</Text>
        {props.error !== null && props.error !== undefined && (
          <Alert color="red" role="alert">
            {props.error instanceof ApiError ? props.error.message : t("failed")}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t("form.cancel")}
          </Button>
          <Button color="red.9" loading={props.pending} onClick={props.onConfirm}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
