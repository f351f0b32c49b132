/**
 * Retiring a system, initiative, project or indicator asks for confirmation and a reason (kept
 * with the audit entry); the item stays readable with its history, marked retired.
 */
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ReasonField } from "./ReasonField.js";
import { reasonProblem } from "./reason.js";
import { ServerRefusal } from "./ServerRefusal.js";

export interface RetireTarget {
  kind: "systems" | "initiatives" | "projects" | "indicators";
  code: string;
  label: string;
}

export function RetireModal({
  target,
  pending,
  onClose,
  onRetire,
}: {
  target: RetireTarget | null;
  pending: boolean;
  onClose: () => void;
  /** Sends the retirement; resolves with the refusal to show, or null when done. */
  onRetire: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation("adminPlans");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<unknown>(null);
  const close = () => {
    setReason("");
    setTried(false);
    setRefused(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reasonProblem(reason) || pending) return;
    setRefused(null);
    void onRetire(reason.trim()).then((err) => (err ? setRefused(err) : close()));
  };
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target ? t("retire.title", { item: target.label }) : ""}
      closeButtonProps={{ "aria-label": t("close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t(`retire.body.${target?.kind ?? "systems"}`)}</Text>
          <ReasonField value={reason} onChange={setReason} tried={tried} autoFocus />
          {refused !== null && <ServerRefusal error={refused} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" color="red.9" loading={pending}>
              {t("retire.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
