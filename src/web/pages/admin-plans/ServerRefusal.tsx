/** A refusal from the server, in its own words (it answers in the page's language), with the fields it names. */
import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { currentLanguage } from "../../i18n/index.js";

interface Detail {
  path?: string;
  line?: number;
  message?: string;
  messageEn?: string;
}

function detailLines(details: unknown[]): string[] {
  const en = currentLanguage() === "en";
  return details.flatMap((d) => {
    const x = d as Detail;
    const message = (en && x.messageEn) || x.message;
    return message ? [message] : [];
  });
}

export function ServerRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation("adminPlans");
  const lines = error instanceof ApiError ? detailLines(error.details) : [];
  return (
    <Alert color="red" role="alert" title={t("refused")}>
      <Text size="sm">{error instanceof ApiError ? error.message : t("failed")}</Text>
      {lines.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
