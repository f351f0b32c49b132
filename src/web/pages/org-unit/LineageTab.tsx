/**
 * Where the unit comes from and where it went: the former units merged into it (or that it was
 * split from or renamed from) and the unit it merged into. Each links to its own page, whose
 * values stay readable after the merger.
 */
import { Anchor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "../../api/org-units.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate } from "../../lib/format.js";
import { tx } from "../system/drill-shared.js";

type Link_ = OrgUnit["predecessors"][number];

function LinkTable({ rows, plan, caption }: { rows: Link_[]; plan: string; caption: string }) {
  const { t } = useTranslation("orgUnit");
  const lang = currentLanguage();
  return (
    <div className="table-scroll">
      <Table striped withTableBorder verticalSpacing={4} miw={480}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("lineage.unit")}</Table.Th>
            <Table.Th scope="col">{t("lineage.code")}</Table.Th>
            <Table.Th scope="col">{t("lineage.kind")}</Table.Th>
            <Table.Th scope="col">{t("lineage.date")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.kind}-${r.unit}`}>
              <Table.Th scope="row" fw="normal">
                <Anchor
                  size="sm"
                  renderRoot={(p) => (
                    <Link {...p} to="/org-units/$code" params={{ code: r.unit }} search={{ plan }} />
                  )}
                >
                  {tx(r.name, lang)}
                </Anchor>
              </Table.Th>
              <Table.Td>{r.unit}</Table.Td>
              <Table.Td>{t(`lineage.kinds.${r.kind}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.effectiveOn, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

export function LineageTab({ unit, plan }: { unit: OrgUnit; plan: string }) {
  const { t } = useTranslation("orgUnit");
  if (unit.predecessors.length === 0 && unit.successors.length === 0)
    return <Text c="dimmed">{t("lineage.none")}</Text>;
  return (
    <Stack gap="md">
      {unit.successors.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t("lineage.successors")}
          </Title>
          <Text size="sm" mb="xs">
            {t("lineage.successorsHelp")}
          </Text>
          <LinkTable rows={unit.successors} plan={plan} caption={t("lineage.successors")} />
        </Paper>
      )}
      {unit.predecessors.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t("lineage.predecessors")}
          </Title>
          <Text size="sm" mb="xs">
            {t("lineage.predecessorsHelp")}
          </Text>
          <LinkTable rows={unit.predecessors} plan={plan} caption={t("lineage.predecessors")} />
        </Paper>
      )}
    </Stack>
  );
}
