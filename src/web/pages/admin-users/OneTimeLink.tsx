/**
 * A one-time set-password link, shown once (the API never shows it again): the link in a
 * read-only field, a copy button and its expiry. The parent drops it when this closes.
 */
import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PasswordLink } from "../../api/admin-users.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDateTime } from "../../lib/format.js";

export function OneTimeLink({
  link,
  heading,
  onDone,
}: {
  link: PasswordLink;
  heading?: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation("adminUsers");
  // The API's link is relative when the instance has no PUBLIC_URL: the person needs it whole.
  const url = new URL(link.url, globalThis.location?.origin).href;
  return (
    <Stack gap="sm" className="one-time-link">
      {heading && (
        <Alert color="green" role="status">
          {heading}
        </Alert>
      )}
      <Text size="sm">{t("link.body")}</Text>
      <TextInput
        label={t("link.label")}
        value={url}
        readOnly
        name="oneTimeLink"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Text size="sm" c="gray.7">
        {t("link.expires", { at: formatDateTime(link.expiresAt, currentLanguage()) })}
      </Text>
      <Group justify="space-between">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant={copied ? "light" : "filled"} color={copied ? "green" : undefined} onClick={copy}>
              {copied ? t("link.copied") : t("link.copy")}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t("link.done")}
        </Button>
      </Group>
    </Stack>
  );
}
