/**
 * The TOTP second factor. Off: start enrolment (the API answers a new secret and its otpauth://
 * URI), show the URI as a QR code and the secret as text for manual entry, then confirm with a
 * current code. On: turn it off with a current code (the API refuses administrators when the
 * instance requires a second factor, and says so).
 */
import { Alert, Button, Code, Group, Image, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type TotpEnrolment, useConfirmTotp, useDisableTotp, useStartTotp } from "../../api/account.js";
import { CodeForm } from "./CodeForm.js";

/** The QR code as an SVG data URI (the CSP allows data: images); qrcode loads only here. */
function useQrDataUri(text: string): string | undefined {
  const [uri, setUri] = useState<string>();
  useEffect(() => {
    let live = true;
    void import("qrcode").then(async ({ default: QRCode }) => {
      const svg = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
      if (live) setUri(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [text]);
  return uri;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into a phone. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, "$1 ");

function Enrolment({
  enrolment,
  username,
  onCancel,
}: {
  enrolment: TotpEnrolment;
  username: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation("account");
  const confirm = useConfirmTotp();
  const qr = useQrDataUri(enrolment.uri);
  return (
    <Stack gap="sm">
      <Text>{t("totp.step1")}</Text>
      <div className="totp-qr">
        {qr ? (
          <Image src={qr} alt={t("totp.qrAlt", { username })} w={200} h={200} />
        ) : (
          <div style={{ width: 200, height: 200 }} />
        )}
      </div>
      <Text size="sm">{t("totp.manual")}</Text>
      <Code block className="totp-secret" data-secret={enrolment.secret}>
        {grouped(enrolment.secret)}
      </Code>
      <Text>{t("totp.step2")}</Text>
      <CodeForm
        submitLabel={t("totp.confirm")}
        pending={confirm.isPending}
        error={confirm.error}
        onSubmit={(code) => confirm.mutate(code)}
        extra={
          <Button variant="default" onClick={onCancel}>
            {t("totp.cancel")}
          </Button>
        }
      />
    </Stack>
  );
}

export function TotpTab({ username, enabled }: { username: string; enabled: boolean }) {
  const { t } = useTranslation("account");
  const start = useStartTotp();
  const disable = useDisableTotp();
  const [justEnabled, setJustEnabled] = useState(false);

  // The session refetch after confirming flips `enabled`: the enrolment is over.
  useEffect(() => {
    if (enabled && start.data) {
      setJustEnabled(true);
      start.reset();
    }
  }, [enabled, start]);

  return (
    <Stack gap="sm" maw={560}>
      <Title order={2} size="h3">
        {t("totp.title")}
      </Title>
      {enabled ? (
        <>
          {justEnabled && (
            <Alert color="green" role="status">
              {t("totp.confirmed")}
            </Alert>
          )}
          <Text>{t("totp.enabled")}</Text>
          <Title order={3} size="h4">
            {t("totp.disableTitle")}
          </Title>
          <Text size="sm">{t("totp.disableHelp")}</Text>
          <CodeForm
            submitLabel={t("totp.disable")}
            variant="outline"
            pending={disable.isPending}
            error={disable.error}
            onSubmit={(code) => disable.mutate(code, { onSuccess: () => setJustEnabled(false) })}
          />
        </>
      ) : (
        <>
          {disable.isSuccess && (
            <Alert color="green" role="status">
              {t("totp.disabledDone")}
            </Alert>
          )}
          <Text>{t("totp.disabled")}</Text>
          {start.data ? (
            <Enrolment enrolment={start.data} username={username} onCancel={() => start.reset()} />
          ) : (
            <Group>
              <Button loading={start.isPending} onClick={() => start.mutate()}>
                {t("totp.start")}
              </Button>
            </Group>
          )}
          {start.isError && (
            <Alert color="red" role="alert">
              {start.error.message}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
