/**
 * "My unit, this period" (issue 14): the grid a reporting officer fills in for one unit, plan and
 * period — by default their own unit and the current month — saved through the outbox, which
 * keeps what was typed until the server has it. The unit's approver submits and recalls here.
 */
import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import { Link, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useEntrySheet } from "../../api/entry.js";
import { useSession } from "../../api/session.js";
import { DEFAULT_PLAN } from "../../app/search.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate } from "../../lib/format.js";
import { EntryPickers } from "./EntryPickers.js";
import { EntrySheetPanel } from "./EntrySheetPanel.js";
import { currentPeriodCode } from "./entry-periods.js";
import { useEntryOutbox } from "./use-entry-outbox.js";
import "./entry.css";
import "./strings.js";
import { tx } from "../system/drill-shared.js";

export function EntryPage() {
  const { t } = useTranslation("entry");
  const session = useSession();
  const user = session.data?.user;
  if (session.isPending) return <Loading />;
  if (!user)
    return (
      <Stack className="page" gap="md">
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Alert color="gray">
          {t("signIn")}{" "}
          <Anchor renderRoot={(p) => <Link {...p} to="/sign-in" search={{ next: "/entry" }} />}>
            {t("signInLink")}
          </Anchor>
        </Alert>
      </Stack>
    );
  return <SignedInEntry userId={user.id} ownUnit={user.unit} roles={user.roles} />;
}

function SignedInEntry({
  userId,
  ownUnit,
  roles,
}: {
  userId: string;
  ownUnit: string | null;
  roles: readonly { unit: string | null }[];
}) {
  const { t } = useTranslation("entry");
  const lang = currentLanguage();
  const search = useSearch({ from: "/entry" });
  const roleUnits = [
    ...new Set([ownUnit, ...roles.map((r) => r.unit)].filter((u): u is string => Boolean(u))),
  ];
  const unit = search.unit ?? roleUnits[0];
  const plan = search.plan ?? DEFAULT_PLAN;
  const period = search.period ?? currentPeriodCode("month");
  const sheet = useEntrySheet(unit, plan, period);
  const outbox = useEntryOutbox(userId);
  const data = sheet.data;
  const unitName = data ? tx(data.unit.name, lang) : (unit ?? "");
  const choices = [...new Set([...roleUnits, ...(unit ? [unit] : [])])];
  const due = data?.indicators[0]?.dueAt;

  return (
    <Stack className="page entry-page" gap="md">
      <div>
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Text size="sm" c="dimmed">
          {data ? t("subtitle", { unit: unitName, plan }) : t("intro")}
          {due ? ` · ${t("due", { date: formatDate(due, lang) })}` : ""}
        </Text>
        {unit && (
          <Text size="sm" mt={4}>
            <Anchor renderRoot={(p) => <Link {...p} to="/import" search={{ unit, plan, period }} />}>
              {t("importLink")}
            </Anchor>
          </Text>
        )}
      </div>
      {!unit ? (
        <Alert color="gray">{t("noUnit")}</Alert>
      ) : (
        <>
          <EntryPickers unit={unit} units={choices} plan={plan} period={period} sheet={data} lang={lang} />
          {sheet.isPending ? (
            <Loading />
          ) : sheet.isError ? (
            <ErrorNote error={sheet.error} />
          ) : (
            <EntrySheetPanel sheet={sheet.data} outbox={outbox} lang={lang} />
          )}
        </>
      )}
    </Stack>
  );
}
