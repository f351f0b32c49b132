/**
 * Retiring a unit from a date (DELETE /org-units/{code}?validTo=…) asks first: what it means (the
 * unit stays, with its values and history) and the last day it is valid. A refusal — values after
 * that day, sub-units still valid — is shown at the date, with the server's words.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRetireOrgUnit } from "../../api/admin-org-units.js";
import { ApiError } from "../../api/client.js";
import type { OrgUnit } from "../../api/org-units.js";
import { fieldErrors } from "./form-model.js";
import { today } from "./panel-tabs.js";

export function RetireModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const { t } = useTranslation("adminOrgUnits");
  const retire = useRetireOrgUnit(unit.code);
  const [date, setDate] = useState(today());
  const [tried, setTried] = useState(false);
  const err = retire.error;
  const atDate =
    err instanceof ApiError ? (fieldErrors(err).validTo ?? fieldErrors(err).validFrom) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!date || retire.isPending) return;
    retire.mutate(date, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("retire.title", { code: unit.code })}
      closeButtonProps={{ "aria-label": t("form.close") }}
    >
      <form
        className="ou-form"
        onSubmit={submit}
        noValidate
        aria-label={t("retire.title", { code: unit.code })}
      >
        <Stack gap="sm">
          <Text size="sm">{t("retire.body")}</Text>
          <TextInput
            type="date"
            label={t("retire.date")}
            required
            value={date}
            onChange={(e) => {
              setDate(e.currentTarget.value);
              retire.reset();
            }}
            error={atDate ?? (tried && !date ? t("form.problems.required") : undefined)}
            data-autofocus
          />
          {err && (
            <Alert color="red" role="alert" title={t("form.refused")}>
              {err instanceof ApiError ? err.message : t("failed")}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" color="red.9" loading={retire.isPending}>
              {t("retire.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
