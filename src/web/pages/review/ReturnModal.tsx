/**
 * Returning values to their unit needs a reason (the unit reads it beside the cell in its grid):
 * a required text, checked here before anything is sent and again by the server, whose message is
 * shown if it refuses. One click sends once.
 */
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { currentLanguage } from "../../i18n/index.js";
import { detailLines, reasonProblem } from "./review-model.js";

/** The server's limit on a reason (transitions' `reason`). */
const MAX_REASON = 2000;

export function ReturnModal({
  labels,
  pending,
  onClose,
  onSubmit,
}: {
  /** What is being returned, one line per value (shown when few). */
  labels: string[] | null;
  pending: boolean;
  onClose: () => void;
  /** Sends the return; resolves with the refusal to show here, or null when done. */
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation("review");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<unknown>(null);
  const problem = reasonProblem(reason, 1, MAX_REASON);
  const opened = labels !== null;
  const count = labels?.length ?? 0;

  const close = () => {
    setReason("");
    setTried(false);
    setRefused(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || pending) return;
    setRefused(null);
    void onSubmit(reason.trim()).then((err) => {
      if (err) setRefused(err);
      else close();
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("return.title", { count })}
      size="lg"
      closeButtonProps={{ "aria-label": t("close") }}
    >
      <form onSubmit={submit} noValidate className="review-form">
        <Stack gap="sm">
          {labels && labels.length <= 5 ? (
            <List size="sm" spacing={2}>
              {labels.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t("return.many", { count })}</Text>
          )}
          <Textarea
            label={t("return.reason")}
            description={t("return.reasonHelp")}
            required
            autosize
            minRows={3}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && problem ? t(`reason.${problem}`) : undefined}
            data-autofocus
          />
          {refused !== null && <Refusal error={refused} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" color="red.9" loading={pending}>
              {t("return.send", { count })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A refusal from the server: its message and, when it names values, their lines. */
export function Refusal({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation("review");
  const lines = error instanceof ApiError ? detailLines(error.details, currentLanguage()) : [];
  return (
    <Alert color="red" role="alert" title={title}>
      <Text size="sm">{error instanceof ApiError ? error.message : t("failed")}</Text>
      {lines.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
