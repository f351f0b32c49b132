/**
 * The committed API contract: every tag a route uses is declared (with a description), the
 * document is the same whatever the environment, and `--check` finds a file that has drifted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractDrift, firstDifferentLine } from "../../src/cli/openapi-check.js";
import {
  buildSwaggerDocument,
  CONTRACT_FILES,
  CONTRACT_VERSION,
  type ContractDocument,
  normalizeDocument,
  renderContract,
  sortKeys,
} from "../../src/cli/openapi-contract.js";

describe("the OpenAPI contract", () => {
  let doc: ContractDocument;
  beforeAll(async () => {
    doc = await buildSwaggerDocument();
  });

  it("declares every tag a route uses, each with a description, and none unused", () => {
    const used = new Map<string, string[]>();
    const untagged: string[] = [];
    for (const [url, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        if (!op.tags || op.tags.length === 0) untagged.push(`${method.toUpperCase()} ${url}`);
        for (const tag of op.tags ?? [])
          used.set(tag, [...(used.get(tag) ?? []), `${method.toUpperCase()} ${url}`]);
      }
    const declared = new Map((doc.tags ?? []).map((t) => [t.name, t.description ?? ""]));
    const undeclared = [...used]
      .filter(([tag]) => !declared.has(tag))
      .map(([tag, ops]) => `${tag}: ${ops[0]}`);
    expect(undeclared, "tags used by routes but not declared in app.ts's swagger config").toEqual([]);
    expect(untagged, "routes without a tag").toEqual([]);
    expect(
      [...declared.keys()].filter((t) => !used.has(t)),
      "declared tags no route uses",
    ).toEqual([]);
    expect(
      [...declared].filter(([, d]) => d.trim().length < 10),
      "tags without a description",
    ).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(13);
  });

  it("leaves out servers and the package version, whatever the environment", async () => {
    const saved = { ...process.env };
    process.env.PUBLIC_URL = "https://chinam.example.gov.vn";
    process.env.DEMO = "true";
    try {
      const normalized = normalizeDocument(await buildSwaggerDocument());
      expect(normalized.servers).toBeUndefined();
      expect(normalized.info.version).toBe(CONTRACT_VERSION);
      expect(normalized).toEqual(normalizeDocument(doc));
    } finally {
      process.env = saved;
    }
  });

  it("sorts object keys at every depth and keeps arrays in order", () => {
    const sorted = sortKeys({ b: 1, a: { d: [3, { z: 1, y: 2 }, 1], c: null } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1},1]},"b":1}');
  });

  describe("--check", () => {
    let root: string;
    let rendered: Record<string, string>;
    beforeAll(async () => {
      root = mkdtempSync(path.join(tmpdir(), "chinam-contract-"));
      rendered = await renderContract();
      for (const [file, text] of Object.entries(rendered)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it("renders the same bytes twice, and finds no drift in files it just wrote", async () => {
      expect(await renderContract()).toEqual(rendered);
      expect(contractDrift(root, rendered)).toEqual([]);
      expect(rendered[CONTRACT_FILES.document]?.endsWith("}\n")).toBe(true);
      expect(rendered[CONTRACT_FILES.types]).toContain('"/api/v1/plans/{code}/overview"');
    });

    it("names the file, the first differing line and the operations only one side has", () => {
      const committed = JSON.parse(rendered[CONTRACT_FILES.document] ?? "{}") as ContractDocument;
      const { "/api/v1/plans": _plans, ...otherPaths } = committed.paths;
      const stale = { ...committed, paths: { ...otherPaths, "/api/v1/retired": { get: {} } } };
      writeFileSync(
        path.join(root, CONTRACT_FILES.document),
        `${JSON.stringify(sortKeys(stale), null, 2)}\n`,
      );
      rmSync(path.join(root, CONTRACT_FILES.types));

      const drift = contractDrift(root, rendered);
      expect(drift.map((d) => d.file)).toEqual([CONTRACT_FILES.document, CONTRACT_FILES.types]);
      const hint = drift[0]?.hint.join("\n") ?? "";
      expect(hint).toMatch(/^first difference at line \d+:/);
      expect(hint).toContain("operations only in the code: GET /api/v1/plans, POST /api/v1/plans");
      expect(hint).toContain("operations only in the committed file: GET /api/v1/retired");
      expect(drift[1]?.hint).toEqual(["the file is missing"]);
    });
  });

  it("finds the first differing line", () => {
    expect(firstDifferentLine("a\nb\nc\n", "a\nb\nc\n")).toBeUndefined();
    expect(firstDifferentLine("a\nb\nc\n", "a\nB\nc\n")).toEqual({ line: 2, committed: "b", generated: "B" });
    expect(firstDifferentLine("a\n", "a\nb\n")).toEqual({ line: 2, committed: "", generated: "b" });
  });
});
