/**
 * Revoking a token asks first: the token stops working at once and cannot be brought back. A
 * refusal (someone revoked it meanwhile) is shown with the server's message.
 */
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Token, useRevokeToken } from "../../api/admin-tokens.js";
import { ApiError } from "../../api/client.js";

export function RevokeModal({
  token,
  onClose,
  onRevoked,
}: {
  token: Token | null;
  onClose: () => void;
  onRevoked: (name: string) => void;
}) {
  const { t } = useTranslation("adminTokens");
  const revoke = useRevokeToken();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={t("revoke.title")}
      closeButtonProps={{ "aria-label": t("close") }}
    >
      {token && (
        <Stack gap="sm">
          {revoke.isError && (
            <Alert color="red" role="alert" title={t("revoke.refused")}>
              {revoke.error instanceof ApiError ? revoke.error.message : String(revoke.error)}
            </Alert>
          )}
          <Text size="sm">{t("revoke.body", { name: token.name, unit: token.unit })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t("revoke.cancel")}
            </Button>
            <Button
              color="red.9"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => {
                    revoke.reset();
                    onRevoked(token.name);
                  },
                })
              }
            >
              {t("revoke.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
