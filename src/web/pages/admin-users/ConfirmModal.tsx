/** Asks before a destructive act (disable, revoke, end sessions); a refusal stays in the dialog. */
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Refusal } from "./Refusal.js";

export function ConfirmModal({
  opened,
  title,
  body,
  confirm,
  cancel,
  pending,
  error,
  color = "red",
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirm: string;
  cancel?: string;
  pending: boolean;
  error: unknown;
  color?: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("adminUsers");
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("close") }}
      opened={opened}
      onClose={onClose}
      title={title}
      centered
    >
      <Stack gap="md">
        <Text>{body}</Text>
        <Refusal error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {cancel ?? t("actions.cancel")}
          </Button>
          <Button color={color} loading={pending} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
