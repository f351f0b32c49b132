/** Every version of the definition and targets as a diff: field, before → after, who, when, why. */
import { Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useIndicatorHistory } from "../../api/indicators.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { historyRows } from "./history-diff.js";

export function HistoryTab({ code }: { code: string }) {
  const { t } = useTranslation("indicator");
  const lang = currentLanguage();
  const history = useIndicatorHistory(code, { limit: 200 });
  const rows = useMemo(() => historyRows(history.data?.items ?? [], lang), [history.data, lang]);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorNote error={history.error} />;
  if (rows.length === 0) return <Text c="dimmed">{t("history.empty")}</Text>;
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {rows.map((r) => (
        <Paper component="li" withBorder p="sm" key={r.key}>
          <Group gap="xs" mb={4}>
            <Badge variant="light" color="gray" radius="sm" style={{ textTransform: "none" }}>
              {r.entity === "indicator"
                ? t("history.definition", { version: r.version })
                : t("history.target", {
                    year: r.target?.year,
                    plan: r.target?.plan ?? "",
                    version: r.version,
                  })}
              {r.target?.orgUnit ? ` · ${r.target.orgUnit}` : ""}
            </Badge>
            <Text size="sm" fw={600}>
              {t(`history.action.${r.action}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {t("history.by", { who: r.who, when: formatDateTime(r.when, lang) })}
            </Text>
          </Group>
          {r.reason && (
            <Text size="sm" mb={4}>
              {t("history.reason", { reason: r.reason })}
            </Text>
          )}
          {r.lines.length > 0 && (
            <div className="table-scroll">
              <Table withTableBorder verticalSpacing={2} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("history.field")}</Table.Th>
                    <Table.Th scope="col">{t("history.before")}</Table.Th>
                    <Table.Th scope="col">{t("history.after")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.lines.map((l) => (
                    <Table.Tr key={l.field}>
                      <Table.Th scope="row" fw="normal">
                        {t(`history.fields.${l.field}`, { defaultValue: l.field })}
                      </Table.Th>
                      <Table.Td>
                        <del style={{ color: "#8a1c14" }}>{l.before}</del>
                      </Table.Td>
                      <Table.Td>
                        <ins style={{ color: "#1b5e20", textDecoration: "none", fontWeight: 600 }}>
                          {l.after}
                        </ins>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
