/** What a page shows while its data loads or when the API answered with an error. */
import { Alert, Loader, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.js";

export function Loading() {
  const { t } = useTranslation();
  return (
    <Stack align="center" p="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <span className="visually-hidden">{t("state.loading")}</span>
    </Stack>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : t("state.error");
  return (
    <Alert color="red" title={t("state.errorTitle")} role="alert">
      {message}
    </Alert>
  );
}
