/**
 * How long each kind of text may be (in UTF-16 code units, as JavaScript and zod count), the same
 * for every request and for plan-definition files. Generous for what people write — the longest
 * text of the NQ57 definition is a 1,605-character system description, its longest name 160 —
 * and small enough that no field carries a megabyte into the database and the public lists.
 */
export const TEXT_LIMITS = {
  /** Codes of plans, systems, indicators, org units, …: what URLs and files use. */
  code: 64,
  /** Names and short titles of units, plans, systems, indicators, people. */
  name: 500,
  /** Full titles as documents give them (an initiative's title is up to 560 characters in NQ57). */
  title: 2000,
  /** An indicator's unit of measure ("tỷ đồng", "người/vạn dân", "% of state budget expenditure"). */
  unit: 64,
  /** Why a change was made (kept in the audit trail and with the version). */
  reason: 2000,
  /** Links (evidence, websites). */
  url: 2000,
  /** E-mail addresses (RFC 5321's limit for a path). */
  email: 254,
  /** Comments and notes on values. */
  comment: 4000,
  /** Descriptions and other prose: objectives, contents, quotations of the source document. */
  text: 10_000,
} as const;
