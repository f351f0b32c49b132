import { Button, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack className="page" gap="sm" align="flex-start">
      <Title order={1}>{t("notFound.title")}</Title>
      <Text>{t("notFound.body")}</Text>
      <Button renderRoot={(props) => <Link {...props} to="/" />}>{t("notFound.home")}</Button>
    </Stack>
  );
}
