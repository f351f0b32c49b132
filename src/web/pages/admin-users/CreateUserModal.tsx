/**
 * Creating an account: username, name, e-mail, unit. The API answers with a one-time link for the
 * person to set their password, shown here once. A refusal (a taken username) keeps the input.
 */
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PasswordLink, useCreateUser } from "../../api/admin-users.js";
import { OneTimeLink } from "./OneTimeLink.js";
import { Refusal } from "./Refusal.js";
import { UnitPicker } from "./UnitPicker.js";

const empty = { username: "", displayName: "", email: "", unit: null as string | null };

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("adminUsers");
  const create = useCreateUser();
  const [form, setForm] = useState(empty);
  const [tried, setTried] = useState(false);
  const [made, setMade] = useState<{ username: string; link: PasswordLink | null } | null>(null);

  const close = () => {
    // The link is dropped with the dialog: it is never shown again.
    setMade(null);
    setForm(empty);
    setTried(false);
    create.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.username.trim() || !form.displayName.trim()) return;
    create.mutate(
      {
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
        ...(form.unit ? { unit: form.unit } : {}),
      },
      { onSuccess: (r) => setMade({ username: r.user.username, link: r.passwordLink }) },
    );
  };
  const need = (v: string) => (tried && !v.trim() ? t("createForm.required") : undefined);

  return (
    <Modal
      closeButtonProps={{ "aria-label": t("close") }}
      opened={opened}
      onClose={close}
      title={made ? t("link.title") : t("createForm.title")}
      centered
      size="lg"
      closeOnClickOutside={!made}
    >
      {made?.link ? (
        <OneTimeLink
          link={made.link}
          heading={t("link.created", { username: made.username })}
          onDone={close}
        />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t("createForm.username")}
              description={t("createForm.usernameHelp")}
              name="username"
              autoComplete="off"
              required
              value={form.username}
              error={need(form.username)}
              onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
            />
            <TextInput
              label={t("createForm.displayName")}
              name="displayName"
              autoComplete="off"
              required
              value={form.displayName}
              error={need(form.displayName)}
              onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
            />
            <TextInput
              label={t("createForm.email")}
              name="email"
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            />
            <UnitPicker
              label={t("createForm.unit")}
              name="unit"
              value={form.unit}
              onChange={(unit) => setForm({ ...form, unit })}
            />
            <Refusal error={create.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("createForm.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("createForm.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
