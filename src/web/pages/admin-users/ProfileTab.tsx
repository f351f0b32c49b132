/**
 * An account's profile: name, e-mail, unit. Editable by whoever the account's `can.edit` says
 * (administrators); a refusal keeps what was typed.
 */
import { Alert, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type UserDetail, usePatchUser } from "../../api/admin-users.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { Refusal } from "./Refusal.js";
import { UnitPicker } from "./UnitPicker.js";

export function ProfileTab({ user }: { user: UserDetail }) {
  const { t } = useTranslation("adminUsers");
  const patch = usePatchUser(user.id);
  const [form, setForm] = useState({
    displayName: user.displayName,
    email: user.email ?? "",
    unit: user.unit,
  });
  const [tried, setTried] = useState(false);
  const editable = user.can.edit;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.displayName.trim()) return;
    patch.mutate({
      displayName: form.displayName.trim(),
      email: form.email.trim() || null,
      unit: form.unit,
    });
  };

  return (
    <Stack gap="sm" maw={560}>
      <Title order={2} size="h3">
        {t("profile.title")}
      </Title>
      {!editable && (
        <Alert color="gray" role="status">
          {t("profile.readOnly")}
        </Alert>
      )}
      <Text size="sm" c="gray.7">
        {t("profile.lastLogin", {
          at: user.lastLoginAt ? formatDateTime(user.lastLoginAt, currentLanguage()) : t("table.never"),
        })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("createForm.username")}
            name="username"
            value={user.username}
            readOnly
            disabled
          />
          <TextInput
            label={t("createForm.displayName")}
            name="displayName"
            required
            readOnly={!editable}
            value={form.displayName}
            error={tried && !form.displayName.trim() ? t("createForm.required") : undefined}
            onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
          />
          <TextInput
            label={t("createForm.email")}
            name="email"
            type="email"
            readOnly={!editable}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          {editable ? (
            <UnitPicker
              label={t("createForm.unit")}
              name="unit"
              value={form.unit}
              onChange={(unit) => setForm({ ...form, unit })}
            />
          ) : (
            <TextInput
              label={t("createForm.unit")}
              name="unit"
              value={user.unit ?? t("profile.noUnit")}
              readOnly
            />
          )}
          <Refusal error={patch.error} />
          {patch.isSuccess && (
            <Alert color="green" role="status">
              {t("profile.saved")}
            </Alert>
          )}
          {editable && (
            <div>
              <Button type="submit" loading={patch.isPending}>
                {t("profile.save")}
              </Button>
            </div>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
