/**
 * Pieces every read-only drill-down page shares (system, initiative, indicator, org unit,
 * roadmap): the bilingual text picker, the breadcrumbs back to the overview, and one lookup of
 * unit names so codes can be shown as names.
 */
import { Anchor, Breadcrumbs, Text } from "@mantine/core";
import { Link, type LinkProps } from "@tanstack/react-router";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useOrgUnits } from "../../api/org-units.js";
import { currentLanguage, type Language } from "../../i18n/index.js";

export interface Bilingual {
  vi: string;
  en: string | null;
}

/** The text in the page's language; Vietnamese when no English exists. */
export function tx(text: Bilingual | null | undefined, lang: Language = currentLanguage()): string {
  if (!text) return "";
  return lang === "en" && text.en ? text.en : text.vi;
}

/** A link in the trail, styled as the other crumbs. */
export function CrumbLink({ children, ...link }: LinkProps & { children: ReactNode }) {
  return (
    <Anchor size="sm" renderRoot={(p) => <Link {...link} {...p} />}>
      {children}
    </Anchor>
  );
}

/** Overview › (links the page passes) › this page (aria-current). */
export function DrillCrumbs({
  plan,
  trail = [],
  here,
}: {
  plan?: string;
  trail?: ReactNode[];
  here: string;
}) {
  const { t } = useTranslation("system");
  return (
    <nav aria-label={t("crumbs.label")} className="no-print">
      <Breadcrumbs
        separator="›"
        separatorMargin={6}
        styles={{ root: { flexWrap: "wrap", rowGap: 4 }, breadcrumb: { whiteSpace: "normal", minWidth: 0 } }}
      >
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/" search={plan ? { plan } : {}} />}>
          {t("crumbs.overview")}
        </Anchor>
        {trail}
        <Text span size="sm" aria-current="page" c="dimmed" style={{ whiteSpace: "normal" }}>
          {here}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}

/** Every org unit's name by code (about 150 units: one cached request shared by the pages). */
export function useUnitNames(): (code: string) => string {
  const units = useOrgUnits({ limit: 1000 });
  const lang = currentLanguage();
  const byCode = useMemo(
    () => new Map((units.data?.items ?? []).map((u) => [u.code, u] as const)),
    [units.data],
  );
  return (code) => {
    const u = byCode.get(code);
    return u ? tx(u.name, lang) : code;
  };
}

/** One labelled fact of a definition list (<dl>): the label above, the value below. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
