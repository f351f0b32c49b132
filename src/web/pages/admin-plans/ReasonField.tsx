/** The required reason of a versioned or destructive change, with its problem once the user tried to send. */
import { Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MAX_REASON, reasonProblem } from "./reason.js";

export function ReasonField({
  value,
  onChange,
  tried,
  label,
  autoFocus,
}: {
  value: string;
  onChange: (v: string) => void;
  tried: boolean;
  label?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation("adminPlans");
  const problem = reasonProblem(value);
  return (
    <Textarea
      label={label ?? t("reason.label")}
      description={t("reason.help")}
      required
      autosize
      minRows={2}
      maxLength={MAX_REASON}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={tried && problem ? t(`reason.${problem}`) : undefined}
      data-autofocus={autoFocus || undefined}
      name="reason"
    />
  );
}
