import { describe, expect, it } from "vitest";
import { backends } from "./helpers/db.js";

/** In CI the PostgreSQL half of the suite must run: a missing TEST_DATABASE_URL fails the run. */
describe("database back ends", () => {
  it("include PostgreSQL whenever CI requires it", () => {
    if (process.env.CI_REQUIRE_POSTGRES) expect(backends()).toContain("postgres");
    expect(backends()).toContain("pglite");
  });
});
