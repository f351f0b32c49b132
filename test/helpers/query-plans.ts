/**
 * Plan-shape checks instead of timings: a database handle that asks the planner how it will run
 * each hand-written statement (`execute`, as the set-wise paths use) before running it, and a
 * test for the shape that made re-uploads quadratic — a nested loop that reads a whole table or
 * a CTE again for every outer row.
 */
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../../src/db/client.js";

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "CTE Name"?: string;
  "Parent Relationship"?: string;
  Plans?: PlanNode[];
}

export interface ExplainedStatement {
  sql: string;
  plan: PlanNode;
}

const dialect = new PgDialect();
/** Statements EXPLAIN accepts (DDL, LOCK, ANALYZE, SET… are run without a plan). */
const EXPLAINABLE = /^\s*(with|select|insert|update|delete)\b/i;

/**
 * Wraps a Drizzle handle so that, while `recording`, every explainable `execute` (in or out of a
 * transaction, with the same parameters) is first EXPLAINed in the same transaction and kept.
 */
export function explainingDb(db: Db): { db: Db; recording: boolean; statements: ExplainedStatement[] } {
  const state = { db, recording: false, statements: [] as ExplainedStatement[] };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t);
        if (prop === "execute" && typeof value === "function")
          return async (query: SQL) => {
            const text = dialect.sqlToQuery(query).sql;
            if (state.recording && EXPLAINABLE.test(text)) {
              const res = (await value.call(t, sql`explain (format json) ${query}`)) as {
                rows: { "QUERY PLAN": { Plan: PlanNode }[] }[];
              };
              const plan = res.rows[0]?.["QUERY PLAN"][0]?.Plan;
              if (plan) state.statements.push({ sql: text, plan });
            }
            return value.call(t, query);
          };
        if (prop === "transaction" && typeof value === "function")
          return (fn: (tx: object) => unknown, config?: unknown) =>
            value.call(t, (tx: object) => fn(wrap(tx)), config);
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  state.db = wrap(db);
  return state;
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/**
 * Nested loops whose inner side scans one of `tables` without an index, or a CTE: per outer row,
 * the whole inner set again — quadratic when both sides grow with the upload. Each is named as
 * "outer type → inner scan".
 */
export function quadraticJoins(plan: PlanNode, tables: readonly string[]): string[] {
  const found: string[] = [];
  for (const n of nodes(plan)) {
    if (n["Node Type"] !== "Nested Loop") continue;
    const inner = n.Plans?.find((p) => p["Parent Relationship"] === "Inner");
    if (!inner) continue;
    for (const s of nodes(inner))
      if (
        s["Node Type"] === "CTE Scan" ||
        (s["Node Type"] === "Seq Scan" && tables.includes(s["Relation Name"] ?? ""))
      )
        found.push(
          `${n.Plans?.[0]?.["Node Type"]} → ${s["Node Type"]} on ${s["Relation Name"] ?? s["CTE Name"]}`,
        );
  }
  return found;
}
