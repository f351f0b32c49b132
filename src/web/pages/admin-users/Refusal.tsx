/** A refused request: the server's message (in the page's language) and the reason its detail names. */
import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { refusalText } from "./users-model.js";

export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t("state.errorTitle")}>
      {refusalText(error) ?? t("state.error")}
    </Alert>
  );
}
