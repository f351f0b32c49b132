/**
 * Adding or changing a system, an initiative or a project, or adding an indicator: the fields of its kind (item-forms.ts),
 * checked here, sent, and kept as typed when the server refuses (its message shown).
 */
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  bodyOf,
  type FormKind,
  fieldsOf,
  type ItemBody,
  type ItemProblem,
  type Values,
} from "./item-forms.js";
import { ServerRefusal } from "./ServerRefusal.js";

export interface ItemEdit {
  kind: FormKind;
  /** The code of the item changed; null for a new one. */
  code: string | null;
  values: Values;
}

export function ItemModal({
  edit,
  systemCodes,
  pending,
  onClose,
  onSave,
}: {
  edit: ItemEdit | null;
  systemCodes: readonly string[];
  pending: boolean;
  onClose: () => void;
  /** Sends the item; resolves with the refusal to show, or null when done. */
  onSave: (body: ItemBody, code: string | null) => Promise<unknown>;
}) {
  const { t } = useTranslation("adminPlans");
  const [values, setValues] = useState<Values>({});
  const [problems, setProblems] = useState<ItemProblem[]>([]);
  const [refused, setRefused] = useState<unknown>(null);
  useEffect(() => {
    setValues(edit?.values ?? {});
    setProblems([]);
    setRefused(null);
  }, [edit]);
  if (!edit) return <Modal opened={false} onClose={onClose} title="" />;
  const fields = fieldsOf(edit.kind, systemCodes).filter((f) => edit.code === null || !f.createOnly);
  const problemOf = (name: string) => {
    const p = problems.find((x) => x.field === name);
    return p ? t(p.key) : undefined;
  };
  const set = (name: string, v: string | boolean) => setValues((s) => ({ ...s, [name]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const r = bodyOf(edit.kind, values, fields);
    setProblems(r.problems);
    if (!r.body) return;
    setRefused(null);
    void onSave(r.body, edit.code).then((err) => (err ? setRefused(err) : onClose()));
  };
  const title = edit.code ? t(`items.edit.${edit.kind}`, { code: edit.code }) : t(`items.add.${edit.kind}`);
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ "aria-label": t("close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {fields.map((f, i) => {
            const label = t(`items.fields.${f.name}`);
            const common = {
              label,
              required: f.required,
              error: problemOf(f.name),
              "data-autofocus": i === 0 || undefined,
              name: f.name,
            };
            if (f.kind === "checkbox")
              return (
                <Checkbox
                  key={f.name}
                  label={label}
                  name={f.name}
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, e.currentTarget.checked)}
                />
              );
            if (f.kind === "select")
              return (
                <NativeSelect
                  key={f.name}
                  {...common}
                  value={String(values[f.name] ?? "")}
                  onChange={(e) => set(f.name, e.currentTarget.value)}
                  data={[
                    ...(f.required ? [] : [{ value: "", label: t("items.none") }]),
                    ...(f.options ?? []).map((o) => ({
                      value: o,
                      label: f.free ? o : t(`items.options.${f.name}.${o}`),
                    })),
                  ]}
                />
              );
            return (
              <TextInput
                key={f.name}
                {...common}
                description={f.kind === "codes" ? t("items.codesHelp") : undefined}
                inputMode={f.kind === "number" ? "numeric" : undefined}
                value={String(values[f.name] ?? "")}
                onChange={(e) => set(f.name, e.currentTarget.value)}
              />
            );
          })}
          {refused !== null && <ServerRefusal error={refused} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
