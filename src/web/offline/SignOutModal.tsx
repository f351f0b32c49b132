/** The warning before signing out with unsent values: how many, and the two ways out. */
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "./strings.js";

export function SignOutModal({
  count,
  onWipe,
  onStay,
}: {
  count: number;
  onWipe: () => void;
  onStay: () => void;
}) {
  const { t } = useTranslation("offline");
  const [leaving, setLeaving] = useState(false);
  return (
    <Modal opened onClose={onStay} title={t("signOut.title")} centered>
      <Stack gap="md">
        <Text>{t("signOut.body", { count })}</Text>
        <Text size="sm" c="dimmed">
          {t("signOut.shared")}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onStay} data-autofocus>
            {t("signOut.stay")}
          </Button>
          <Button
            color="red"
            loading={leaving}
            onClick={() => {
              setLeaving(true); // one click, one sign-out
              onWipe();
            }}
          >
            {t("signOut.wipe")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
