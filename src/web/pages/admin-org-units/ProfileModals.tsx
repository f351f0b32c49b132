/**
 * The profile form (PUT /org-units/{code}/profile) and the focal-person form (POST or PATCH).
 * Emptied fields are sent as null (cleared). A refusal is shown at the fields it names and the
 * form keeps what was typed.
 */
import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type FocalPerson,
  type UnitProfile,
  useAddFocalPerson,
  useChangeFocalPerson,
  useSaveProfile,
} from "../../api/admin-org-units.js";
import { ApiError } from "../../api/client.js";
import { detailsByField, textBody } from "./form-model.js";

function Refused({ error }: { error: unknown }) {
  const { t } = useTranslation("adminOrgUnits");
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" role="alert" title={t("form.refused")}>
      {error instanceof ApiError ? error.message : t("failed")}
    </Alert>
  );
}

const atFields = (error: unknown) => (error instanceof ApiError ? detailsByField(error.details) : {});

export function ProfileModal({
  code,
  name,
  profile,
  onClose,
}: {
  code: string;
  name: string;
  profile: UnitProfile;
  onClose: () => void;
}) {
  const { t } = useTranslation("adminOrgUnits");
  const save = useSaveProfile(code);
  const [v, setV] = useState({
    address: profile.address ?? "",
    phone: profile.phone ?? "",
    email: profile.email ?? "",
    website: profile.website ?? "",
    description: profile.description ?? "",
  });
  const errors = atFields(save.error);
  const field = (key: keyof typeof v) => ({
    label: t(`profile.${key}`),
    value: v[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((p) => ({ ...p, [key]: value }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!save.isPending) save.mutate(textBody(v), { onSuccess: onClose });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("profile.editTitle", { name })}
      size="lg"
      closeButtonProps={{ "aria-label": t("form.close") }}
    >
      <form className="ou-form" onSubmit={submit} noValidate aria-label={t("profile.editTitle", { name })}>
        <Stack gap="sm">
          <TextInput {...field("address")} maxLength={500} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...field("phone")} maxLength={50} type="tel" />
            <TextInput {...field("email")} maxLength={254} type="email" />
          </SimpleGrid>
          <TextInput {...field("website")} maxLength={2000} type="url" placeholder="https://" />
          <Textarea {...field("description")} maxLength={4000} autosize minRows={3} />
          <Refused error={save.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("profile.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function FocalModal({
  code,
  name,
  person,
  onClose,
}: {
  code: string;
  name: string;
  person: FocalPerson | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("adminOrgUnits");
  const add = useAddFocalPerson(code);
  const change = useChangeFocalPerson(code);
  const [v, setV] = useState({
    fullName: person?.fullName ?? "",
    position: person?.position ?? "",
    email: person?.email ?? "",
    phone: person?.phone ?? "",
    responsibility: person?.responsibility ?? "",
  });
  const [primary, setPrimary] = useState(person?.isPrimary ?? false);
  const [tried, setTried] = useState(false);
  const error = person ? change.error : add.error;
  const pending = add.isPending || change.isPending;
  const errors = atFields(error);
  const missingName = v.fullName.trim() === "";
  const field = (key: keyof typeof v) => ({
    label: t(`focal.${key}`),
    value: v[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((p) => ({ ...p, [key]: value }));
    },
  });
  const title = person ? t("focal.editTitle", { name: person.fullName }) : t("focal.addTitle", { name });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missingName || pending) return;
    const { fullName, ...rest } = textBody(v);
    const body = { ...rest, fullName: fullName ?? "", isPrimary: primary };
    if (person) change.mutate({ id: person.id, body }, { onSuccess: onClose });
    else add.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ "aria-label": t("form.close") }}
    >
      <form className="ou-form" onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <TextInput
            {...field("fullName")}
            required
            maxLength={200}
            data-autofocus
            error={errors.fullName ?? (tried && missingName ? t("form.problems.required") : undefined)}
          />
          <TextInput {...field("position")} maxLength={200} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...field("email")} maxLength={254} type="email" />
            <TextInput {...field("phone")} maxLength={50} type="tel" />
          </SimpleGrid>
          <Textarea {...field("responsibility")} maxLength={1000} autosize minRows={2} />
          <Checkbox
            label={t("focal.isPrimary")}
            description={t("focal.isPrimaryHelp")}
            checked={primary}
            onChange={(e) => setPrimary(e.currentTarget.checked)}
          />
          <Refused error={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("focal.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
