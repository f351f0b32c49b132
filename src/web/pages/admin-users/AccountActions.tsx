/**
 * An account's administrative acts: a new one-time set-password link (shown once), and disabling
 * (confirmed) or enabling it again — offered by the account's own `can` flags, so one's own
 * account shows no disable button (the API would refuse it, and says why if asked anyway).
 */
import { Button, Group, Modal } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PasswordLink, usePatchUser, useResetLink } from "../../api/admin-users.js";
import { ConfirmModal } from "./ConfirmModal.js";
import { OneTimeLink } from "./OneTimeLink.js";
import { Refusal } from "./Refusal.js";

export function AccountActions({
  user,
  size = "xs",
}: {
  user: {
    id: string;
    username: string;
    status: "active" | "disabled";
    can: { edit: boolean; disable: boolean };
  };
  size?: "xs" | "sm";
}) {
  const { t } = useTranslation("adminUsers");
  const reset = useResetLink();
  const patch = usePatchUser(user.id);
  const [link, setLink] = useState<PasswordLink | null>(null);
  const [asking, setAsking] = useState(false);
  const disabling = user.status === "active";

  const closeAsk = () => {
    setAsking(false);
    patch.reset();
  };

  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Button
          size={size}
          variant="default"
          loading={reset.isPending}
          aria-label={`${t("actions.resetLink")}: ${user.username}`}
          onClick={() => reset.mutate(user.id, { onSuccess: setLink })}
        >
          {t("actions.resetLink")}
        </Button>
        {user.can.disable && (
          <Button
            size={size}
            variant="outline"
            color={disabling ? "red.9" : "teal.9"}
            aria-label={`${disabling ? t("actions.disable") : t("actions.enable")}: ${user.username}`}
            onClick={() => setAsking(true)}
          >
            {disabling ? t("actions.disable") : t("actions.enable")}
          </Button>
        )}
      </Group>
      {reset.isError && <Refusal error={reset.error} />}
      <Modal
        closeButtonProps={{ "aria-label": t("close") }}
        opened={link !== null}
        onClose={() => setLink(null)}
        title={t("link.title")}
        centered
        size="lg"
      >
        {link && <OneTimeLink link={link} onDone={() => setLink(null)} />}
      </Modal>
      <ConfirmModal
        opened={asking}
        title={t(disabling ? "actions.disableTitle" : "actions.enableTitle", { username: user.username })}
        body={t(disabling ? "actions.disableBody" : "actions.enableBody")}
        confirm={disabling ? t("actions.disable") : t("actions.enable")}
        color={disabling ? "red.9" : "teal.9"}
        pending={patch.isPending}
        error={patch.error}
        onClose={closeAsk}
        onConfirm={() =>
          patch.mutate({ status: disabling ? "disabled" : "active" }, { onSuccess: () => setAsking(false) })
        }
      />
    </>
  );
}
