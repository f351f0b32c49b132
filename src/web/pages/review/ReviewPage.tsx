/**
 * The review queue (issue 14, item 4): for the Standing Office, Chief Engineers and administrators,
 * the submitted values they may approve or return — filtered by unit (with the units below it),
 * indicator and period, all in the URL — and in a second tab the approved values they may revise.
 * The lists follow changes made elsewhere while open (live events).
 */
import { Alert, Anchor, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.js";
import { DEFAULT_PLAN } from "../../app/search.js";
import { Loading } from "../../components/QueryState.js";
import { ApprovedTab } from "./ApprovedTab.js";
import { QueueTab } from "./QueueTab.js";
import { ReviewFilters } from "./ReviewFilters.js";
import { useIndicatorInfo } from "./review-lookups.js";
import { useReviewLive } from "./use-review-live.js";
import "./review.css";
import "./strings.js";

export function ReviewPage() {
  const { t } = useTranslation("review");
  const search = useSearch({ from: "/review" });
  const navigate = useNavigate({ from: "/review" });
  const session = useSession();
  const plan = search.plan ?? DEFAULT_PLAN;
  const tab = search.tab ?? "submitted";
  const indicators = useIndicatorInfo(plan);
  useReviewLive();

  if (session.isPending) return <Loading />;
  if (!session.data?.user)
    return (
      <Stack className="page" gap="md">
        <Title order={1}>{t("title")}</Title>
        <Text>
          {t("signInFirst")}{" "}
          <Anchor renderRoot={(p) => <Link {...p} to="/sign-in" search={{ next: "/review" }} />}>
            {t("signIn")}
          </Anchor>
        </Text>
      </Stack>
    );
  if (!session.data.can.reviewValues)
    return (
      <Stack className="page" gap="md">
        <Title order={1}>{t("title")}</Title>
        <Alert color="gray">{t("notReviewer")}</Alert>
      </Stack>
    );

  const filters = { unit: search.unit, indicator: search.indicator, period: search.period };
  // The lists start again at their first page when a filter changes.
  const key = `${filters.unit ?? ""}|${filters.indicator ?? ""}|${filters.period ?? ""}`;

  return (
    <Stack className="page" gap="md">
      <div>
        <Title order={1}>{t("title")}</Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t("intro")}
        </Text>
      </div>
      <ReviewFilters filters={filters} indicators={indicators.list} />
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(v) =>
          void navigate({
            search: (p) => ({ ...p, tab: v === "approved" ? "approved" : undefined }),
            replace: true,
          })
        }
      >
        <Tabs.List aria-label={t("tabs.label")}>
          <Tabs.Tab value="submitted">{t("tabs.submitted")}</Tabs.Tab>
          <Tabs.Tab value="approved">{t("tabs.approved")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="submitted" pt="md">
          <QueueTab key={key} filters={filters} plan={plan} indicators={indicators.byCode} />
        </Tabs.Panel>
        <Tabs.Panel value="approved" pt="md">
          <ApprovedTab key={key} filters={filters} plan={plan} indicators={indicators.byCode} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
