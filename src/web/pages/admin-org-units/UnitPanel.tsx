/**
 * The selected unit: its name, kind and validity, its actions (by the unit's `can` flags and the
 * session's), and in tabs kept in the URL its details, its lineage timeline and its profile with
 * the focal persons.
 */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnitItem } from "../../api/admin-org-units.js";
import { ApiError } from "../../api/client.js";
import { type OrgUnit, useOrgUnit } from "../../api/org-units.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate } from "../../lib/format.js";
import { LineageTimeline } from "./LineageTimeline.js";
import { ProfileSection } from "./ProfileSection.js";
import { type UnitTab as Tab, today } from "./panel-tabs.js";
import { RetireModal } from "./RetireModal.js";

export function UnitPanel({
  code,
  tab,
  units,
  onTab,
  onOpen,
  onEdit,
  onAddChild,
  canCreate,
}: {
  code: string;
  tab: Tab;
  units: readonly OrgUnitItem[];
  onTab: (tab: Tab) => void;
  onOpen: (code: string, tab?: Tab) => void;
  onEdit: (unit: OrgUnit) => void;
  onAddChild: (parent: string) => void;
  canCreate: boolean;
}) {
  const { t } = useTranslation("adminOrgUnits");
  const lang = currentLanguage();
  const unit = useOrgUnit(code);
  const [retiring, setRetiring] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // On a phone the panel sits below the tree: bring it into view when a unit is chosen.
  useEffect(() => {
    if (unit.isSuccess && window.matchMedia("(max-width: 48em)").matches)
      heading.current?.scrollIntoView({ block: "start" });
  }, [unit.isSuccess]);

  if (unit.isPending) return <Loading />;
  if (unit.error instanceof ApiError && unit.error.status === 404)
    return <Text role="alert">{t("panel.notFound", { code })}</Text>;
  if (unit.isError) return <ErrorNote error={unit.error} />;
  const u = unit.data;
  const name = (n: { vi: string; en: string | null } | null | undefined) =>
    n ? (lang === "en" && n.en ? n.en : n.vi) : "";
  const byCode = new Map(units.map((x) => [x.code, x]));
  const children = units.filter((x) => x.parent === u.code);
  const lineageCount = u.predecessors.length + u.successors.length;
  const status = u.current ? "current" : u.validFrom && u.validFrom > today() ? "notYet" : "retired";

  const unitLink = (c: string) => (
    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(c)}>
      {name(byCode.get(c)?.name) || c} ({c})
    </Anchor>
  );

  return (
    <Stack gap="sm">
      <div>
        <Group gap="xs">
          <Text size="sm" c="gray.7">
            {u.code} · {t(`kind.${u.kind}`)}
          </Text>
          <Badge
            variant="filled"
            color={status === "current" ? "#1b5e20" : "#5f6368"}
            radius="sm"
            size="sm"
            tt="none"
          >
            {t(status)}
          </Badge>
        </Group>
        <Title order={2} size="h3" ref={heading} tabIndex={-1}>
          {name(u.name)}
        </Title>
      </div>
      <Group gap="xs" role="group" aria-label={t("actions.label")}>
        {u.can.edit && (
          <Button size="xs" onClick={() => onEdit(u)}>
            {t("actions.edit")}
          </Button>
        )}
        {canCreate && (
          <Button size="xs" variant="default" onClick={() => onAddChild(u.code)}>
            {t("actions.addChild")}
          </Button>
        )}
        {u.can.retire && u.current && (
          <Button size="xs" variant="outline" color="red.9" onClick={() => setRetiring(true)}>
            {t("actions.retire")}
          </Button>
        )}
        <Anchor size="sm" renderRoot={(p) => <Link {...p} to="/org-units/$code" params={{ code: u.code }} />}>
          {t("actions.publicPage")}
        </Anchor>
      </Group>
      <Tabs value={tab} onChange={(v) => onTab((v as Tab | null) ?? "details")} keepMounted={false}>
        <Tabs.List aria-label={t("panel.tabs")}>
          <Tabs.Tab value="details">{t("tabs.details")}</Tabs.Tab>
          <Tabs.Tab value="lineage">{t("tabs.lineage", { count: lineageCount })}</Tabs.Tab>
          <Tabs.Tab value="profile">{t("tabs.profile")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="sm">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="dl" m={0}>
              <Fact label={t("facts.nameVi")}>{u.name.vi}</Fact>
              <Fact label={t("facts.nameEn")}>{u.name.en ?? t("facts.none")}</Fact>
              <Fact label={t("facts.code")}>{u.code}</Fact>
              <Fact label={t("facts.kind")}>
                {t(`kind.${u.kind}`)}
                {u.subtype ? ` · ${t(`subtype.${u.subtype}`)}` : ""}
              </Fact>
              <Fact label={t("facts.parent")}>{u.parent ? unitLink(u.parent) : t("facts.none")}</Fact>
              <Fact label={t("facts.adminCode")}>{u.adminCode ?? t("facts.none")}</Fact>
              <Fact label={t("facts.validFrom")}>
                {u.validFrom ? formatDate(u.validFrom, lang) : t("facts.none")}
              </Fact>
              <Fact label={t("facts.validTo")}>
                {u.validTo ? formatDate(u.validTo, lang) : t("facts.none")}
              </Fact>
            </SimpleGrid>
            {u.note && (
              <Text size="sm" mt="sm">
                <strong>{t("facts.note")}:</strong> {name(u.note)}
              </Text>
            )}
            <Text size="xs" c="gray.7" mt="md" component="h3" fw={600}>
              {t("facts.children")}
            </Text>
            {children.length === 0 ? (
              <Text size="sm">{t("facts.childrenNone")}</Text>
            ) : (
              <ul className="ou-children">
                {children.map((c) => (
                  <li key={c.code}>{unitLink(c.code)}</li>
                ))}
              </ul>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="lineage" pt="sm">
          <LineageTimeline unit={u} onOpen={(c) => onOpen(c, "lineage")} />
        </Tabs.Panel>
        <Tabs.Panel value="profile" pt="sm">
          <ProfileSection code={u.code} name={name(u.name)} />
        </Tabs.Panel>
      </Tabs>
      {retiring && <RetireModal unit={u} onClose={() => setRetiring(false)} />}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
