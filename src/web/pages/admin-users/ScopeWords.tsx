/** A grant's scope in words: names with their codes, a unit "and the units below it", or the whole instance. */
import { useTranslation } from "react-i18next";
import type { Grant, GrantScope } from "../../api/admin-users.js";
import { currentLanguage } from "../../i18n/index.js";
import { tx } from "../system/drill-shared.js";
import { type ScopePart, scopeParts } from "./users-model.js";

export function scopeText(parts: ScopePart[], t: (k: string) => string, lang = currentLanguage()): string {
  if (parts.length === 0) return t("scope.global");
  return parts
    .map((p) => {
      const named = p.name ? `${tx(p.name, lang)} (${p.code})` : p.code;
      const words = `${t(`scopeKind.${p.kind}`)}: ${named}`;
      return p.kind === "unit" ? `${words} ${t("scope.subtree")}` : words;
    })
    .join(" · ");
}

export function ScopeWords({ grant, scope }: { grant: Grant; scope?: GrantScope | undefined }) {
  const { t } = useTranslation("adminUsers");
  return <span className="scope-words">{scopeText(scopeParts(grant, scope), t)}</span>;
}
