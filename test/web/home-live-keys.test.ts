/** Which cached queries a change event refreshes (src/web/live/live-keys.ts). */
import { describe, expect, it } from "vitest";
import { affectedIndicators, isAffected, isSlow, parseChangeEvent } from "../../src/web/live/live-keys.js";

const event = {
  at: "2026-12-07T10:42:00.000Z",
  indicators: ["OI_DOSSIERS_ONLINE"],
  targets: ["K_ONLINE_PUBLIC_SERVICE_RATE", "T30-C03"],
  systems: ["S1"],
  units: ["HA-NOI"],
  periods: ["2026-11"],
  values: [
    { id: "x", indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-11", status: "approved" },
  ],
};

describe("change events", () => {
  it("parses the server's event and rejects what is not one", () => {
    const e = parseChangeEvent(JSON.stringify(event));
    expect(e?.indicators).toEqual(["OI_DOSSIERS_ONLINE"]);
    expect(e?.at).toBe(event.at);
    expect(parseChangeEvent("not json")).toBeUndefined();
    expect(parseChangeEvent("42")).toBeUndefined();
    expect(parseChangeEvent(JSON.stringify({ indicators: [1, "A"] }))?.indicators).toEqual(["A"]);
  });

  it("refreshes plan-wide roll-ups on any change, an indicator's reads only when it is named", () => {
    const affected = affectedIndicators([event]);
    expect(isAffected(["overview", "NQ57", {}], affected)).toBe(true);
    expect(isAffected(["alerts", "NQ57", {}], affected)).toBe(true);
    expect(isAffected(["map-values", "NQ57"], affected)).toBe(true);
    expect(isAffected(["series", "K_ONLINE_PUBLIC_SERVICE_RATE", {}], affected)).toBe(true);
    expect(isAffected(["laggards", "OI_DOSSIERS_ONLINE", {}], affected)).toBe(true);
    expect(isAffected(["breakdown", "K_RD_GDP", {}], affected)).toBe(false);
    expect(isAffected(["plans"], affected)).toBe(false);
    expect(isAffected(["session"], affected)).toBe(false);
    expect(isAffected([42], affected)).toBe(false);
  });

  it("leaves the data-gap reads for after the numbers", () => {
    expect(isSlow(["alerts", "NQ57", {}])).toBe(true);
    expect(isSlow(["overview", "NQ57", {}])).toBe(false);
    expect(isSlow(["breakdown", "X", {}])).toBe(false);
  });
});
