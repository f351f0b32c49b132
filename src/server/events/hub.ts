/**
 * Fans committed changes out to the event-stream clients of this process. Every server instance
 * LISTENs, so each one delivers every change; each client receives only the items its user may
 * read (the observations policy), and nothing when no item is readable.
 */
import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { type ChangeItem, changeBatches } from "../../db/schema/index.js";
import type { Principal } from "../access/index.js";
import { canReadValue } from "../access/index.js";
import { CHANGES_CHANNEL } from "./record.js";

export interface EventClient {
  principal: Principal;
  send(id: number, data: unknown): void;
}

export interface ChangeEvent {
  at: string;
  indicators: string[];
  /** KPIs, targets and objectives the changed values feed: the dashboard tiles to refresh. */
  targets: string[];
  systems: string[];
  units: string[];
  periods: string[];
  values: { id: string; indicator: string; unit: string; period: string; status: string }[];
}

export function visibleEvent(
  principal: Principal,
  at: Date,
  items: readonly ChangeItem[],
): ChangeEvent | undefined {
  const visible = items.filter((i) =>
    canReadValue(principal, {
      orgUnitId: i.orgUnitId,
      reporterUnitId: i.reporterUnitId,
      status: i.status,
      indicatorCode: i.indicator,
      indicatorPublished: i.published,
      responsibleUnitId: i.responsibleUnitId,
      planIds: i.planIds,
      systemIds: i.systemIds,
    }),
  );
  if (visible.length === 0) return undefined;
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    at: at.toISOString(),
    indicators: uniq(visible.map((i) => i.indicator)),
    targets: uniq(visible.flatMap((i) => i.feeds ?? [])),
    systems: uniq(visible.flatMap((i) => i.systems ?? [])),
    units: uniq(visible.map((i) => i.unit)),
    periods: uniq(visible.map((i) => i.period)),
    values: visible.map((i) => ({
      id: i.observationId,
      indicator: i.indicator,
      unit: i.unit,
      period: i.period,
      status: i.status,
    })),
  };
}

export class EventHub {
  private readonly clients = new Set<EventClient>();
  private stop?: () => Promise<void>;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    this.stop = await this.database.listen(CHANGES_CHANNEL, (payload) => {
      const id = Number(payload);
      if (Number.isSafeInteger(id)) void this.deliver(id);
    });
  }

  async close(): Promise<void> {
    this.clients.clear();
    await this.stop?.();
  }

  get size(): number {
    return this.clients.size;
  }

  add(client: EventClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  private async deliver(id: number): Promise<void> {
    if (this.clients.size === 0) return;
    const [batch] = await this.database.db.select().from(changeBatches).where(eq(changeBatches.id, id));
    if (!batch) return;
    for (const c of this.clients) {
      const event = visibleEvent(c.principal, batch.at, batch.items);
      if (event) c.send(batch.id, event);
    }
  }

  /** Batches after `lastId` that the client missed while disconnected (at most 1,000). */
  async replay(client: EventClient, lastId: number): Promise<void> {
    const rows = await this.database.db
      .select()
      .from(changeBatches)
      .where(and(gt(changeBatches.id, lastId)))
      .orderBy(asc(changeBatches.id))
      .limit(1000);
    for (const b of rows) {
      const event = visibleEvent(client.principal, b.at, b.items);
      if (event) client.send(b.id, event);
    }
  }
}
