/**
 * An account's roles in force, each with its scope in words (plan, system, project, unit and the
 * units below it), revocable (confirmed) where the API offers that role to the signed-in person;
 * then the form to grant another.
 */
import { Alert, Button, Divider, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Grant, type UserDetail, useRevokeRole } from "../../api/admin-users.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate } from "../../lib/format.js";
import { ConfirmModal } from "./ConfirmModal.js";
import { GrantForm } from "./GrantForm.js";
import { ScopeWords, scopeText } from "./ScopeWords.js";
import { scopeParts } from "./users-model.js";

/** Revoking follows the granting rule: the API's offer for the role, in the grant's plan. */
function revocable(user: UserDetail, g: Grant): boolean {
  const offer = user.grantable.find((o) => o.role === g.role);
  if (!offer?.allowed) return false;
  return offer.scope === "global" || offer.scope === "unit" || offer.plans.some((p) => p.code === g.plan);
}

export function RolesTab({ user }: { user: UserDetail }) {
  const { t } = useTranslation("adminUsers");
  const lang = currentLanguage();
  const revoke = useRevokeRole(user.id);
  const [asking, setAsking] = useState<Grant | null>(null);
  const scopes = new Map(user.scopes.map((s) => [s.grant, s]));

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("grants.title")}
        </Title>
        {user.roles.length === 0 ? (
          <Text>{t("grants.empty")}</Text>
        ) : (
          <div className="table-scroll">
            <Table striped withTableBorder miw={640} className="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("grants.role")}</Table.Th>
                  <Table.Th scope="col">{t("grants.scope")}</Table.Th>
                  <Table.Th scope="col">{t("grants.since")}</Table.Th>
                  <Table.Th scope="col">{t("grants.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {user.roles.map((g) => (
                  <Table.Tr key={g.id} data-role={g.role}>
                    <Table.Th scope="row" fw={500}>
                      {t(`roles.${g.role}`)}
                    </Table.Th>
                    <Table.Td>
                      <ScopeWords grant={g} scope={scopes.get(g.id)} />
                    </Table.Td>
                    <Table.Td>{formatDate(scopes.get(g.id)?.grantedAt, lang)}</Table.Td>
                    <Table.Td>
                      {revocable(user, g) ? (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t("grants.revokeLabel", { role: t(`roles.${g.role}`) })}
                          onClick={() => {
                            revoke.reset();
                            setAsking(g);
                          }}
                        >
                          {t("grants.revoke")}
                        </Button>
                      ) : (
                        <Text size="xs" c="gray.7">
                          {t("grants.cannotRevoke")}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {revoke.isSuccess && (
          <Alert color="green" role="status">
            {t("grants.revoked")}
          </Alert>
        )}
      </Stack>
      <Divider />
      <GrantForm user={user} />
      <ConfirmModal
        opened={asking !== null}
        title={t("grants.revokeTitle", { role: asking ? t(`roles.${asking.role}`) : "" })}
        body={
          asking
            ? t("grants.revokeBody", { scope: scopeText(scopeParts(asking, scopes.get(asking.id)), t, lang) })
            : ""
        }
        confirm={t("grants.revoke")}
        color="red.9"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => setAsking(null)}
        onConfirm={() => asking && revoke.mutate(asking.id, { onSuccess: () => setAsking(null) })}
      />
    </Stack>
  );
}
