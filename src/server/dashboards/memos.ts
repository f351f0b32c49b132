/** Memos of dashboard answers and catalogues, one set per database (see cache.ts for the keys). */
import type { Executor } from "../../db/client.js";
import type { TargetOverview } from "../../domain/overview.js";
import type { EncodedJson } from "../core/http/encoded.js";
import { AnswerCache, definitionsPart } from "./cache.js";
import { type Catalogue, loadCatalogue } from "./load.js";
import type { DashboardUnit } from "./queries.js";

/**
 * The memos of one database. State keys (last change batch, definitions version) are only
 * unique within a database, so memos are never shared between two (tests and the benchmark open
 * several in one process; a server has one). Called with a transaction, memos last as long as it.
 */
interface Memos {
  catalogues: AnswerCache<Catalogue>;
  overviews: AnswerCache<unknown>;
  overviewJson: AnswerCache<EncodedJson>;
  countries: AnswerCache<string>;
  planIds: AnswerCache<string>;
  /** Target assessments reused while the cells they depend on are unchanged. */
  targets: AnswerCache<TargetOverview>;
  /** The units of a level at a date (laggards), by definitions. */
  levels: AnswerCache<DashboardUnit[]>;
  /** Laggards answers (laggards.ts says what they are keyed by). */
  laggards: AnswerCache<unknown>;
}
const memoTable = new WeakMap<Executor, Memos>();
export function memosOf(db: Executor): Memos {
  let m = memoTable.get(db);
  if (!m) {
    m = {
      catalogues: new AnswerCache(16),
      overviews: new AnswerCache(64),
      overviewJson: new AnswerCache(64),
      countries: new AnswerCache(4),
      planIds: new AnswerCache(64),
      targets: new AnswerCache(4000),
      levels: new AnswerCache(16),
      laggards: new AnswerCache(64),
    };
    memoTable.set(db, m);
  }
  return m;
}

/** The plan's catalogue, recomputed only when values or definitions changed (see cache.ts). */
export async function catalogueAt(db: Executor, planId: string, key: string): Promise<Catalogue> {
  return memosOf(db).catalogues.get(`${planId}|${definitionsPart(key)}`, () => loadCatalogue(db, planId));
}

const catalogueIds = new WeakMap<Catalogue, number>();
let nextCatalogueId = 0;
export function catalogueId(cat: Catalogue): number {
  let id = catalogueIds.get(cat);
  if (id === undefined) {
    id = nextCatalogueId++;
    catalogueIds.set(cat, id);
  }
  return id;
}
