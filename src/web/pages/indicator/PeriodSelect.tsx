/** The period picker of the indicator page's tabs (by unit, disaggregations, quality): `?period=` in the URL. */
import { Select } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function PeriodSelect({
  choices,
  period,
  className,
}: {
  choices: string[];
  period: string | null | undefined;
  className?: string;
}) {
  const { t } = useTranslation("indicator");
  const navigate = useNavigate({ from: "/indicators/$code" });
  return (
    <Select
      className={className}
      label={t("units.period")}
      data={choices}
      value={period ?? null}
      onChange={(v) => void navigate({ search: (p) => ({ ...p, period: v ?? undefined }), replace: true })}
      allowDeselect={false}
      w={160}
      size="sm"
    />
  );
}
