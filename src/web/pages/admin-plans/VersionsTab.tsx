/** Every version of the definition and targets: who, when, why, and what changed as a field diff. */
import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useIndicatorHistory } from "../../api/indicators.js";
import { ChangeDiff } from "../../components/ChangeDiff.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";
import { fieldOf, versionChange } from "./history-model.js";

export function VersionsTab({ code }: { code: string }) {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  const history = useIndicatorHistory(code, { limit: 200 });
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorNote error={history.error} />;
  if (history.data.items.length === 0) return <Text size="sm">{t("history.empty")}</Text>;
  const fieldName = (path: string) => {
    const { field, rest } = fieldOf(path);
    const name = t(`history.fields.${field}`, { defaultValue: field });
    return rest ? `${name} (${rest})` : name;
  };
  return (
    <Stack gap="sm" component="ol" className="versions">
      {history.data.items.map((v) => {
        const what =
          v.entity === "indicator"
            ? t("history.definition", { version: v.version })
            : t("history.target", {
                year: v.target?.year ?? "",
                unit: v.target?.orgUnit ?? t("targets.national"),
                version: v.version,
              });
        const { before, after } = versionChange(v);
        return (
          <Paper
            component="li"
            withBorder
            p="sm"
            key={`${v.entity}-${v.target?.year ?? ""}-${v.target?.orgUnit ?? ""}-${v.version}-${v.changedAt}`}
            className="version"
          >
            <Group gap="xs" mb={4} wrap="wrap">
              <Badge variant="outline" color="dark" radius="sm" style={{ textTransform: "none" }}>
                {what}
              </Badge>
              <Text size="sm" fw={600}>
                {t(`history.action.${v.action}`)}
              </Text>
              <Text size="sm" c="gray.7">
                {t("history.by", { who: v.changedBy, when: formatDateTime(v.changedAt, lang) })}
              </Text>
            </Group>
            <Text size="sm" mb={6} className="version-reason">
              {t("history.reason", { reason: v.reason ?? "—" })}
            </Text>
            {before === null && v.entity === "indicator" ? (
              // A definition's creation lists every field: folded, so the changes stay readable.
              <details className="version-created">
                <summary>{t("history.allFields", { count: Object.keys(after ?? {}).length })}</summary>
                <ChangeDiff
                  before={before}
                  after={after}
                  label={t("history.diff", { what })}
                  fieldName={fieldName}
                />
              </details>
            ) : (
              <ChangeDiff
                before={before}
                after={after}
                label={t("history.diff", { what })}
                fieldName={fieldName}
              />
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
