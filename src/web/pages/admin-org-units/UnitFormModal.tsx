/**
 * Create a unit (under a chosen parent) or edit one: names, kind (and subtype for a province-level
 * unit), parent, validity, administrative code. A change sends only what changed. The server's
 * refusal is shown at the field it names — a parent that would make a cycle, a validity that would
 * leave values or sub-units outside it, a code already used — and the form keeps what was typed.
 */
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type NewOrgUnit,
  type OrgUnitItem,
  type OrgUnitPatch,
  useCreateOrgUnit,
  useUpdateOrgUnit,
} from "../../api/admin-org-units.js";
import { ApiError } from "../../api/client.js";
import type { OrgUnit } from "../../api/org-units.js";
import { currentLanguage } from "../../i18n/index.js";
import {
  createBody,
  emptyValues,
  fieldErrors,
  patchBody,
  problems,
  type UnitField,
  type UnitValues,
  valuesOf,
} from "./form-model.js";
import { KIND_ORDER } from "./tree-model.js";
import { foldedFilter, unitOptions } from "./unit-options.js";

export type UnitFormMode = { mode: "create"; parent: string } | { mode: "edit"; unit: OrgUnit };

export function UnitFormModal({
  mode,
  units,
  onClose,
  onCreated,
}: {
  mode: UnitFormMode;
  units: readonly OrgUnitItem[];
  onClose: () => void;
  onCreated: (code: string) => void;
}) {
  const { t } = useTranslation("adminOrgUnits");
  const lang = currentLanguage();
  const creating = mode.mode === "create";
  const before = useMemo(
    () => (mode.mode === "edit" ? valuesOf(mode.unit) : emptyValues(mode.parent)),
    [mode],
  );
  const [v, setV] = useState<UnitValues>(before);
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Partial<Record<UnitField, string>>>({});
  const [unchanged, setUnchanged] = useState(false);
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit(mode.mode === "edit" ? mode.unit.code : "");
  const pending = create.isPending || update.isPending;
  const local = problems(v, creating);

  const set = (field: UnitField, value: string) => {
    setV((p) => ({ ...p, [field]: value }));
    setServerErrors((p) => ({ ...p, [field]: undefined }));
    setUnchanged(false);
  };
  const error = (field: UnitField) =>
    serverErrors[field] ?? (tried && local[field] ? t(`form.problems.${local[field]}`) : undefined);

  const refused = (err: unknown) => {
    setRefusal(err);
    setServerErrors(err instanceof ApiError ? fieldErrors(err) : {});
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0 || pending) return;
    setRefusal(null);
    setServerErrors({});
    if (mode.mode === "create") {
      const body = createBody(v) as NewOrgUnit;
      create.mutate(body, { onSuccess: () => onCreated(body.code), onError: refused });
    } else {
      const body = patchBody(before, v) as OrgUnitPatch;
      if (Object.keys(body).length === 0) {
        setUnchanged(true);
        return;
      }
      update.mutate(body, { onSuccess: onClose, onError: refused });
    }
  };

  // Every current unit, the unit's own sub-units included: the server refuses a cycle, and says why.
  const parentData = useMemo(() => unitOptions(units, lang, v.parent), [units, lang, v.parent]);

  return (
    <Modal
      opened
      onClose={onClose}
      title={mode.mode === "edit" ? t("form.editTitle", { code: mode.unit.code }) : t("form.createTitle")}
      size="lg"
      closeButtonProps={{ "aria-label": t("form.close") }}
    >
      <form
        className="ou-form"
        onSubmit={submit}
        noValidate
        aria-label={
          mode.mode === "edit" ? t("form.editTitle", { code: mode.unit.code }) : t("form.createTitle")
        }
      >
        <Stack gap="sm">
          {creating && (
            <TextInput
              label={t("form.code")}
              description={t("form.codeHelp")}
              required
              maxLength={64}
              value={v.code}
              onChange={(e) => set("code", e.currentTarget.value)}
              error={error("code")}
              data-autofocus
              autoComplete="off"
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("form.nameVi")}
              required
              maxLength={300}
              value={v.nameVi}
              onChange={(e) => set("nameVi", e.currentTarget.value)}
              error={error("nameVi")}
              data-autofocus={creating ? undefined : true}
            />
            <TextInput
              label={t("form.nameEn")}
              maxLength={300}
              value={v.nameEn}
              onChange={(e) => set("nameEn", e.currentTarget.value)}
              error={error("nameEn")}
            />
            <Select
              label={t("form.kind")}
              required
              data={KIND_ORDER.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              value={v.kind}
              onChange={(k) => k && set("kind", k)}
              allowDeselect={false}
              error={error("kind")}
            />
            {v.kind === "province" && (
              <Select
                label={t("form.subtype")}
                required
                data={(["province", "city"] as const).map((s) => ({ value: s, label: t(`subtype.${s}`) }))}
                value={v.subtype || null}
                onChange={(s) => set("subtype", s ?? "")}
                error={error("subtype")}
              />
            )}
          </SimpleGrid>
          <Select
            label={t("form.parent")}
            description={t("form.parentHelp")}
            placeholder={t("form.parentNone")}
            data={parentData}
            value={v.parent || null}
            onChange={(p) => set("parent", p ?? "")}
            searchable
            clearable
            filter={foldedFilter}
            limit={200}
            nothingFoundMessage={t("form.nothing")}
            error={error("parent")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t("form.validFrom")}
              description={t("form.validHelp")}
              value={v.validFrom}
              onChange={(e) => set("validFrom", e.currentTarget.value)}
              error={error("validFrom")}
            />
            <TextInput
              type="date"
              label={t("form.validTo")}
              description={t("form.validHelp")}
              value={v.validTo}
              onChange={(e) => set("validTo", e.currentTarget.value)}
              error={error("validTo")}
            />
            <TextInput
              label={t("form.adminCode")}
              description={t("form.adminCodeHelp")}
              maxLength={16}
              value={v.adminCode}
              onChange={(e) => set("adminCode", e.currentTarget.value)}
              error={error("adminCode")}
            />
          </SimpleGrid>
          {unchanged && (
            <Text size="sm" role="status">
              {t("form.nothingChanged")}
            </Text>
          )}
          {refusal !== null && (
            <Alert color="red" role="alert" title={t("form.refused")}>
              {refusal instanceof ApiError ? refusal.message : t("failed")}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {creating ? t("form.create") : t("form.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
