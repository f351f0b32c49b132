/** Step 1: the unit and period, and the download of their Excel template (a real link to the file). */
import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { templateFilename, templateUrl } from "../../api/imports.js";
import { currentLanguage } from "../../i18n/index.js";
import { periodGroups, periodLabel } from "./periods.js";
import type { WriterUnits } from "./use-writer-units.js";

export function TemplateStep({
  units,
  unit,
  plan,
  period,
  onChange,
  onNext,
}: {
  units: WriterUnits;
  unit: string | undefined;
  plan: string;
  period: string;
  onChange: (patch: { unit?: string; period?: string }) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation("import");
  const lang = currentLanguage();
  const periods = useMemo(() => {
    const groups = periodGroups(new Date()).map((g) => ({
      group: t(`template.kinds.${g.kind}`),
      items: g.periods.map((p) => ({ value: p, label: periodLabel(p, lang) })),
    }));
    // A period from a link that the list does not offer is still shown as chosen.
    if (!groups.some((g) => g.items.some((i) => i.value === period)))
      groups.unshift({
        group: t("template.kinds.chosen"),
        items: [{ value: period, label: periodLabel(period, lang) }],
      });
    return groups;
  }, [t, lang, period]);
  const unitData = units.codes.map((c) => ({ value: c, label: `${units.name(c)} (${c})` }));
  if (unit && !units.codes.includes(unit))
    unitData.unshift({ value: unit, label: `${units.name(unit)} (${unit})` });

  return (
    <Stack gap="md" mt="md" maw={640}>
      <Text size="sm">{t("template.lead")}</Text>
      {units.codes.length === 0 && (
        <Alert color="#8a4b00" role="status">
          {t("template.noUnit")}
        </Alert>
      )}
      <Group align="flex-end" gap="md" className="import-choices">
        <Select
          label={t("template.unit")}
          data={unitData}
          value={unit ?? null}
          onChange={(v) => v && onChange({ unit: v })}
          allowDeselect={false}
          searchable={unitData.length > 8}
          className="import-unit"
        />
        <Select
          label={t("template.period")}
          data={periods}
          value={period}
          onChange={(v) => v && onChange({ period: v })}
          allowDeselect={false}
          maxDropdownHeight={320}
          className="import-period"
        />
      </Group>
      <Group gap="sm">
        {unit ? (
          <Button
            component="a"
            href={templateUrl({ unit, plan, period })}
            download={templateFilename({ unit, period })}
            variant="filled"
          >
            {t("template.download")}
          </Button>
        ) : null}
        <Button variant="default" onClick={onNext}>
          {t("template.haveFile")}
        </Button>
      </Group>
      <Text size="xs" c="gray.7">
        {unit
          ? t("template.what", {
              file: templateFilename({ unit, period }),
              period: periodLabel(period, lang),
            })
          : t("template.noUnit")}
      </Text>
    </Stack>
  );
}
