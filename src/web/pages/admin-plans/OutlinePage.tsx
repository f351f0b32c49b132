/**
 * /admin/plans/$plan: the plan as an editable outline — systems → initiatives → indicators by
 * tier, then indicators in no system, then projects. Each item is edited or retired (with a
 * reason, after confirmation) in a modal; actions show by the plan's `can.administer`.
 */
import { Alert, Button, Checkbox, Group, Stack, Title } from "@mantine/core";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAddIndicator, useAddItem, useChangeItem, useRetire } from "../../api/admin-plans.js";
import { useInitiatives, usePlan, usePlanIndicators, useProjects, useSystems } from "../../api/plans.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { ItemActions } from "./ItemActions.js";
import { type ItemEdit, ItemModal } from "./ItemModal.js";
import {
  type ItemBody,
  initiativeValues,
  newIndicatorValues,
  projectValues,
  systemValues,
} from "./item-forms.js";
import { planOutline } from "./outline-model.js";
import { type Project, ProjectsTable } from "./ProjectsTable.js";
import { RetireModal, type RetireTarget } from "./RetireModal.js";
import { TierList } from "./TierList.js";
import "./strings.js";
import "./admin-plans.css";

const settle = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

export function OutlinePage() {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  const { plan } = useParams({ from: "/admin/plans/$plan" });
  const search = useSearch({ from: "/admin/plans/$plan" });
  const navigate = useNavigate({ from: "/admin/plans/$plan" });
  const showRetired = search.show === "all";

  const detail = usePlan(plan);
  const systems = useSystems(plan);
  const initiatives = useInitiatives(plan, { limit: 1000 });
  const projects = useProjects(plan, { limit: 1000 });
  const indicators = usePlanIndicators(plan, { limit: 1000 });
  const add = useAddItem(plan);
  const change = useChangeItem(plan);
  const addIndicator = useAddIndicator(plan);
  const retire = useRetire(plan);
  const [edit, setEdit] = useState<ItemEdit | null>(null);
  const [retiring, setRetiring] = useState<RetireTarget | null>(null);

  const outline = useMemo(
    () =>
      planOutline(
        systems.data?.items ?? [],
        initiatives.data?.items ?? [],
        indicators.data?.items ?? [],
        showRetired,
      ),
    [systems.data, initiatives.data, indicators.data, showRetired],
  );
  const systemCodes = (systems.data?.items ?? []).filter((s) => !s.retired).map((s) => s.code);
  const shownProjects: Project[] = (projects.data?.items ?? []).filter((p) => showRetired || !p.retired);

  const queries = [detail, systems, initiatives, projects, indicators];
  const failed = queries.find((q) => q.isError);
  const administer = detail.data?.can.administer ?? false;
  const name = detail.data ? (lang === "en" && detail.data.name.en) || detail.data.name.vi : plan;

  const save = (body: ItemBody, code: string | null) => {
    if (body.kind === "indicators") return settle(addIndicator.mutateAsync(body.post));
    if (code === null) {
      if (body.kind === "systems") return settle(add.mutateAsync({ kind: body.kind, body: body.post }));
      if (body.kind === "initiatives") return settle(add.mutateAsync({ kind: body.kind, body: body.post }));
      return settle(add.mutateAsync({ kind: body.kind, body: body.post }));
    }
    if (body.kind === "systems")
      return settle(change.mutateAsync({ kind: body.kind, code, body: body.patch }));
    if (body.kind === "initiatives")
      return settle(change.mutateAsync({ kind: body.kind, code, body: body.patch }));
    return settle(change.mutateAsync({ kind: body.kind, code, body: body.patch }));
  };

  return (
    <AdminFrame
      area="plans"
      title={t("outline.title", { plan })}
      intro={name}
      actions={
        administer && (
          <>
            <Button
              variant="default"
              onClick={() => setEdit({ kind: "systems", code: null, values: systemValues(null) })}
            >
              {t("items.add.systems")}
            </Button>
            <Button
              variant="default"
              onClick={() =>
                setEdit({ kind: "initiatives", code: null, values: initiativeValues(null, systemCodes[0]) })
              }
            >
              {t("items.add.initiatives")}
            </Button>
            <Button
              variant="default"
              onClick={() => setEdit({ kind: "projects", code: null, values: projectValues(null) })}
            >
              {t("items.add.projects")}
            </Button>
            <Button onClick={() => setEdit({ kind: "indicators", code: null, values: newIndicatorValues() })}>
              {t("items.add.indicators")}
            </Button>
          </>
        )
      }
    >
      {failed ? (
        <ErrorNote error={failed.error} />
      ) : queries.some((q) => q.isPending) ? (
        <Loading />
      ) : (
        <Stack gap="lg">
          {!administer && (
            <Alert color="blue" role="status">
              {t("outline.readOnly")}
            </Alert>
          )}
          <Checkbox
            label={t("outline.showRetired")}
            checked={showRetired}
            onChange={(e) =>
              void navigate({
                search: (s) => ({ ...s, show: e.currentTarget.checked ? ("all" as const) : undefined }),
                replace: true,
              })
            }
          />
          <section aria-labelledby="outline-systems">
            <Title order={2} size="h3" id="outline-systems" mb="sm">
              {t("outline.systems")}
            </Title>
            <ol className="outline-list">
              {outline.systems.map(({ system, initiatives: own, indicators: direct }) => (
                <li key={system.code} className="outline-system">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <Title order={3} size="h4">
                      {system.code} · {(lang === "en" && system.name.en) || system.name.vi}
                    </Title>
                    <ItemActions
                      label={system.code}
                      retired={system.retired}
                      administer={administer}
                      onEdit={() =>
                        setEdit({ kind: "systems", code: system.code, values: systemValues(system) })
                      }
                      onRetire={() => setRetiring({ kind: "systems", code: system.code, label: system.code })}
                    />
                  </Group>
                  <TierList plan={plan} groups={direct} />
                  {own.length > 0 && (
                    <ol className="outline-list outline-initiatives">
                      {own.map(({ initiative, indicators: items }) => (
                        <li key={initiative.code} className="outline-initiative">
                          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                            <Title order={4} size="h5">
                              {initiative.code} ·{" "}
                              {lang === "en"
                                ? initiative.shortTitle?.en || initiative.title.en || initiative.title.vi
                                : initiative.shortTitle?.vi || initiative.title.vi}
                            </Title>
                            <ItemActions
                              label={initiative.code}
                              retired={initiative.retired}
                              administer={administer}
                              onEdit={() =>
                                setEdit({
                                  kind: "initiatives",
                                  code: initiative.code,
                                  values: initiativeValues(initiative),
                                })
                              }
                              onRetire={() =>
                                setRetiring({
                                  kind: "initiatives",
                                  code: initiative.code,
                                  label: initiative.code,
                                })
                              }
                            />
                          </Group>
                          <TierList plan={plan} groups={items} />
                        </li>
                      ))}
                    </ol>
                  )}
                </li>
              ))}
            </ol>
          </section>
          {outline.loose.length > 0 && (
            <section aria-labelledby="outline-loose">
              <Title order={2} size="h3" id="outline-loose" mb="sm">
                {t("outline.loose")}
              </Title>
              <TierList plan={plan} groups={outline.loose} />
            </section>
          )}
          <section aria-labelledby="outline-projects">
            <Title order={2} size="h3" id="outline-projects" mb="sm">
              {t("outline.projects")}
            </Title>
            <ProjectsTable
              projects={shownProjects}
              administer={administer}
              onEdit={(p) => setEdit({ kind: "projects", code: p.code, values: projectValues(p) })}
              onRetire={(p) => setRetiring({ kind: "projects", code: p.code, label: p.code })}
            />
          </section>
        </Stack>
      )}
      <ItemModal
        edit={edit}
        systemCodes={systemCodes}
        pending={add.isPending || change.isPending || addIndicator.isPending}
        onClose={() => setEdit(null)}
        onSave={save}
      />
      <RetireModal
        target={retiring}
        pending={retire.isPending}
        onClose={() => setRetiring(null)}
        onRetire={(reason) =>
          retiring
            ? settle(retire.mutateAsync({ kind: retiring.kind, code: retiring.code, reason }))
            : Promise.resolve(null)
        }
      />
    </AdminFrame>
  );
}
