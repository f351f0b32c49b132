/**
 * Granting a role: only the roles the API says the signed-in person may grant this account, each
 * with the pickers its scope needs (plans offered for that role, the plan's systems or projects,
 * a unit by name). The roles refused are listed below with the API's reason. A refusal of the
 * request keeps the choices.
 */
import { Alert, Button, Select, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Grantable, type UserDetail, useGrantRole } from "../../api/admin-users.js";
import { useProjects, useSystems } from "../../api/plans.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx } from "../system/drill-shared.js";
import { Refusal } from "./Refusal.js";
import { UnitPicker } from "./UnitPicker.js";
import { grantRequest, pickersFor, type ScopeKind, type ScopePicks, splitGrantable } from "./users-model.js";

function PlanChild({
  kind,
  plan,
  value,
  onChange,
}: {
  kind: "system" | "project";
  plan: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation("adminUsers");
  const lang = currentLanguage();
  const systems = useSystems(plan);
  const projects = useProjects(plan, { limit: 1000 });
  const items = kind === "system" ? systems.data?.items : projects.data?.items;
  const data = useMemo(
    () => (items ?? []).map((x) => ({ value: x.code, label: `${x.code} · ${tx(x.name, lang)}` })),
    [items, lang],
  );
  return (
    <Select
      label={t(`grant.${kind}`)}
      name={kind}
      required
      placeholder={t("grant.search")}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t("grant.nothingFound")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function GrantForm({ user }: { user: UserDetail }) {
  const { t } = useTranslation("adminUsers");
  const lang = currentLanguage();
  const grant = useGrantRole(user.id);
  const { offered, refused } = splitGrantable(user.grantable);
  const [role, setRole] = useState<string | null>(null);
  const [picks, setPicks] = useState<ScopePicks>({});
  const [missing, setMissing] = useState<ScopeKind | null>(null);
  const offer: Grantable | undefined = offered.find((g) => g.role === role);
  const pickers = offer ? pickersFor(offer.scope) : [];
  const plan = offer && offer.plans.length === 1 ? (offer.plans[0]?.code ?? null) : (picks.plan ?? null);

  const choose = (next: string | null) => {
    setRole(next);
    setMissing(null);
    grant.reset();
    // Plan-scoped roles start in the only plan offered, if there is one.
    const o = offered.find((g) => g.role === next);
    setPicks(o && o.plans.length === 1 ? { plan: o.plans[0]?.code ?? null } : {});
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!offer) return setMissing(null);
    const req = grantRequest(offer, { ...picks, plan });
    if ("missing" in req) return setMissing(req.missing);
    setMissing(null);
    grant.mutate(req.body, { onSuccess: () => setPicks(offer.plans.length === 1 ? { plan } : {}) });
  };

  return (
    <Stack gap="sm" maw={640}>
      <Title order={2} size="h3">
        {t("grant.title")}
      </Title>
      {offered.length === 0 ? (
        <Alert color="gray" role="status">
          {t("grant.none")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t("grant.title")}>
          <Stack gap="sm">
            <Text size="sm" c="gray.7">
              {t("grant.intro")}
            </Text>
            <Select
              label={t("grant.role")}
              name="role"
              required
              placeholder={t("grant.pickRole")}
              data={offered.map((g) => ({ value: g.role, label: t(`roles.${g.role}`) }))}
              value={role}
              onChange={choose}
              comboboxProps={{ withinPortal: true }}
            />
            {offer && pickers.includes("plan") && (
              <Select
                label={t("grant.plan")}
                name="plan"
                required
                data={offer.plans.map((p) => ({ value: p.code, label: `${p.code} · ${tx(p.name, lang)}` }))}
                value={plan}
                onChange={(v) => setPicks({ plan: v })}
                searchable
                nothingFoundMessage={t("grant.nothingFound")}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {offer && plan && pickers.includes("system") && (
              <PlanChild
                kind="system"
                plan={plan}
                value={picks.system ?? null}
                onChange={(v) => setPicks({ ...picks, system: v })}
              />
            )}
            {offer && plan && pickers.includes("project") && (
              <PlanChild
                kind="project"
                plan={plan}
                value={picks.project ?? null}
                onChange={(v) => setPicks({ ...picks, project: v })}
              />
            )}
            {offer && pickers.includes("unit") && (
              <UnitPicker
                label={t("grant.unit")}
                name="unit"
                required
                value={picks.unit ?? null}
                onChange={(v) => setPicks({ ...picks, unit: v })}
              />
            )}
            {missing && (
              <Alert color="orange" role="alert">
                {t("grant.missing", { what: t(`scopeKind.${missing}`) })}
              </Alert>
            )}
            <Refusal error={grant.error} />
            {grant.isSuccess && offer && (
              <Alert color="green" role="status">
                {t("grant.granted", { role: t(`roles.${offer.role}`) })}
              </Alert>
            )}
            <div>
              <Button type="submit" loading={grant.isPending} disabled={!offer}>
                {t("grant.submit")}
              </Button>
            </div>
          </Stack>
        </form>
      )}
      {refused.length > 0 && (
        <Stack gap={4} className="grant-refusals">
          <Title order={3} size="h5">
            {t("grant.refusedTitle")}
          </Title>
          <ul className="grant-refused">
            {refused.map((g) => (
              <li key={g.role} data-role={g.role} data-reason={g.reason ?? undefined}>
                <strong>{t(`roles.${g.role}`)}</strong>: {t(`reason.${g.reason ?? "not_allowed"}`)}
              </li>
            ))}
          </ul>
        </Stack>
      )}
    </Stack>
  );
}
