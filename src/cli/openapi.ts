/**
 * `npm run openapi` writes the API contract (openapi.json, src/contracts/api.d.ts) from the code;
 * `npm run openapi -- --check` writes nothing and exits 1 when a committed copy differs (CI).
 * It lives in src/cli beside the other commands that build on the server (scripts/ does not exist,
 * and src/ is already type-checked and linted), not in src/contracts, which must not import it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contractDrift } from "./openapi-check.js";
import { renderContract } from "./openapi-contract.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const args = process.argv.slice(2);
if (args.some((a) => a !== "--check")) {
  console.error("usage: npm run openapi [-- --check]");
  process.exit(2);
}

const rendered = await renderContract();
if (args.includes("--check")) {
  const drift = contractDrift(root, rendered);
  if (drift.length > 0) {
    for (const d of drift) {
      console.error(`openapi: ${d.file} differs from what the code generates`);
      for (const line of d.hint) console.error(`  ${line}`);
    }
    console.error("Run `npm run openapi` and commit the files it writes.");
    process.exit(1);
  }
  console.log(`openapi: ${Object.keys(rendered).join(" and ")} match the code`);
} else {
  for (const [file, text] of Object.entries(rendered)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    console.log(`openapi: wrote ${file}`);
  }
}
