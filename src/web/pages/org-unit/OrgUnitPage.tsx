/**
 * One org unit: what it is (kind, parent, validity), and in tabs kept in the URL its latest value
 * of each indicator with status, its reporting completeness in recent periods, and its lineage —
 * the former units merged into it and the unit it merged into — each linked, so their history
 * stays reachable.
 */
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { useOrgUnit } from "../../api/org-units.js";
import { useSession } from "../../api/session.js";
import { NotFound } from "../../components/NotFound.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate } from "../../lib/format.js";
import { DrillCrumbs, Fact, tx, useUnitNames } from "../system/drill-shared.js";
import { CompletenessTab } from "./CompletenessTab.js";
import { LineageTab } from "./LineageTab.js";
import { ValuesTab } from "./ValuesTab.js";

const TABS = ["values", "completeness", "lineage"] as const;

export function OrgUnitPage() {
  const { t } = useTranslation("orgUnit");
  const lang = currentLanguage();
  const { code } = useParams({ from: "/org-units/$code" });
  const search = useSearch({ from: "/org-units/$code" });
  const navigate = useNavigate({ from: "/org-units/$code" });
  const plan = search.plan ?? "NQ57";
  const tab = search.tab ?? "values";
  const unit = useOrgUnit(code);
  const session = useSession();
  const unitName = useUnitNames();

  if (unit.isPending) return <Loading />;
  if (unit.error instanceof ApiError && unit.error.status === 404) return <NotFound />;
  if (unit.isError) return <ErrorNote error={unit.error} />;
  const u = unit.data;
  const name = tx(u.name, lang);
  const lineageCount = u.predecessors.length + u.successors.length;

  return (
    <Stack className="page" gap="md">
      <DrillCrumbs plan={plan} here={name} />
      <div>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {u.code} · {t(`kind.${u.kind}`)}
            {u.adminCode ? ` · ${t("adminCode", { code: u.adminCode })}` : ""}
          </Text>
          <Badge
            variant="filled"
            color={u.current ? "#1b5e20" : "#5f6368"}
            radius="sm"
            size="sm"
            style={{ textTransform: "none" }}
          >
            {u.current ? t("current") : t("retired")}
          </Badge>
        </Group>
        <Title order={1} size="h2">
          {name}
        </Title>
        {u.note && (
          <Text size="sm" mt={4} maw={900}>
            {tx(u.note, lang)}
          </Text>
        )}
      </div>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          <Fact label={t("facts.kind")}>{t(`kind.${u.kind}`)}</Fact>
          <Fact label={t("facts.parent")}>
            {u.parent ? (
              <Anchor
                size="sm"
                renderRoot={(p) => (
                  <Link {...p} to="/org-units/$code" params={{ code: u.parent ?? "" }} search={{ plan }} />
                )}
              >
                {unitName(u.parent)}
              </Anchor>
            ) : (
              "—"
            )}
          </Fact>
          <Fact label={t("facts.validFrom")}>
            {u.validFrom ? formatDate(u.validFrom, lang) : t("facts.always")}
          </Fact>
          <Fact label={t("facts.validTo")}>
            {u.validTo ? formatDate(u.validTo, lang) : t("facts.stillValid")}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(v) => {
          const next = TABS.find((x) => x === v);
          void navigate({
            search: (p) => ({ ...p, tab: next === "values" ? undefined : next }),
            replace: true,
          });
        }}
      >
        <Tabs.List aria-label={t("tabs.label")}>
          <Tabs.Tab value="values">{t("tabs.values")}</Tabs.Tab>
          <Tabs.Tab value="completeness">{t("tabs.completeness")}</Tabs.Tab>
          <Tabs.Tab value="lineage">{t("tabs.lineage", { count: lineageCount })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="values" pt="md">
          <ValuesTab code={code} plan={plan} />
        </Tabs.Panel>
        <Tabs.Panel value="completeness" pt="md">
          <CompletenessTab code={code} plan={plan} signedIn={Boolean(session.data?.user)} />
        </Tabs.Panel>
        <Tabs.Panel value="lineage" pt="md">
          <LineageTab unit={u} plan={plan} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
