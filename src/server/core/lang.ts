export const langs = ["vi", "en"] as const;
export type Lang = (typeof langs)[number];

/** Picks vi or en from an Accept-Language header; Vietnamese is the default. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return "vi";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === "vi" || tag.startsWith("vi-")) return "vi";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "vi";
}
