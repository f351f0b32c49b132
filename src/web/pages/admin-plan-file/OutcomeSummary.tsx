/** What a clean dry run would do, or what an import did: the plan created, updated or unchanged, and its counts in words. */
import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanFileSummary } from "../../api/admin-plan-file.js";
import { countLines, headline } from "./summary-lines.js";

export function OutcomeSummary({ summary, done }: { summary: PlanFileSummary; done: boolean }) {
  const { t } = useTranslation("adminPlanFile");
  const head = headline(summary);
  const lines = countLines(summary);
  return (
    <>
      <Text fw={600}>{t(`summary.${done ? "did" : "would"}.${head}`, { plan: summary.plan })}</Text>
      {head !== "unchanged" && lines.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {lines.map((l) => (
            <List.Item key={l.key}>
              {l.known
                ? t(`summary.counts.${l.key}`, { count: l.count })
                : t("summary.other", { key: l.key, count: l.count })}
            </List.Item>
          ))}
        </List>
      )}
      {head !== "unchanged" && (
        <Text size="sm" c="gray.7" mt="xs">
          {t("summary.structureNote")}
        </Text>
      )}
    </>
  );
}
