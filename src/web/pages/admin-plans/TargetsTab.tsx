/**
 * The indicator's targets in this plan, per year: national and units' own. Each is adjusted (or a
 * new one set) in a modal with a required reason; the answer is a new version, and the dashboards'
 * reads are refetched so the overview and the system page show it at once.
 */
import { Alert, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSetTarget } from "../../api/admin-plans.js";
import type { Indicator } from "../../api/indicators.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import { TargetModal } from "./TargetModal.js";
import { formFromTarget, planTargets, type Target, type TargetForm, targetText } from "./targets-model.js";

export function TargetsTab({
  plan,
  indicator,
  span,
}: {
  plan: string;
  indicator: Indicator;
  span: { start: number; end: number };
}) {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  const rows = planTargets(indicator.targets, plan);
  const set = useSetTarget(plan, indicator.code);
  const [open, setOpen] = useState<{ form: TargetForm; existing: Target | null } | null>(null);
  const [saved, setSaved] = useState<{ year: number; version: number } | null>(null);
  const can = indicator.can.setTarget && !indicator.retired;
  const shown = (v: number | null) => (v === null ? "—" : formatNumber(v, lang, 6));
  const nextYear = Math.min(Math.max(new Date().getFullYear(), span.start), span.end);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="gray.7">
          {t("targets.intro", { start: span.start, end: span.end })}
        </Text>
        {can && (
          <Button
            variant="default"
            onClick={() => setOpen({ form: formFromTarget(null, nextYear), existing: null })}
          >
            {t("targets.add")}
          </Button>
        )}
      </Group>
      {saved && (
        <Alert color="green" role="status">
          {t("targets.saved", saved)}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text size="sm">{t("targets.none")}</Text>
      ) : (
        <div className="table-scroll">
          <Table withTableBorder striped aria-label={t("targets.table", { code: indicator.code })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("targets.year")}</Table.Th>
                <Table.Th scope="col">{t("targets.unit")}</Table.Th>
                <Table.Th scope="col">{t("targets.target")}</Table.Th>
                <Table.Th scope="col">{t("targets.version")}</Table.Th>
                {can && <Table.Th scope="col">{t("plans.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const label = `${r.year}${r.orgUnit ? ` · ${r.orgUnit}` : ""}`;
                return (
                  <Table.Tr key={`${r.year}-${r.orgUnit ?? ""}`} data-year={r.year}>
                    <Table.Th scope="row">{r.year}</Table.Th>
                    <Table.Td>{r.orgUnit ?? t("targets.national")}</Table.Td>
                    <Table.Td className="num">
                      {targetText(r, shown, {
                        top: (n) => t("targets.top", { n }),
                        reached: t("targets.achievedYes"),
                        notReached: t("targets.achievedNo"),
                      })}
                    </Table.Td>
                    <Table.Td>{r.version}</Table.Td>
                    {can && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t("targets.adjustOne", { target: label })}
                          onClick={() => setOpen({ form: formFromTarget(r, nextYear), existing: r })}
                        >
                          {t("targets.adjust")}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <TargetModal
        open={open}
        kind={indicator.kind}
        span={span}
        pending={set.isPending}
        onClose={() => setOpen(null)}
        onSave={(target, reason) =>
          set.mutateAsync({ target, reason }).then(
            (r) => {
              setSaved({ year: target.year, version: r.version });
              return null;
            },
            (e: unknown) => e,
          )
        }
      />
    </Stack>
  );
}
