/** Developer aid: validates a plan-definition or org-unit YAML/JSON file against its schema. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { orgUnitFile } from "../domain/org-units/schema.js";
import { planDefinition } from "../domain/plan-definition/schema.js";

const [kind, file] = process.argv.slice(2);
if (!file || (kind !== "plan" && kind !== "org-units")) {
  console.error("usage: tsx src/cli/validate-seed.ts plan|org-units FILE");
  process.exit(2);
}
const data: unknown = parse(readFileSync(file, "utf8"));
const result = kind === "plan" ? planDefinition.safeParse(data) : orgUnitFile.safeParse(data);
if (!result.success) {
  for (const issue of result.error.issues.slice(0, 50)) console.error(issue.path.join("."), issue.message);
  process.exit(1);
}
console.log("valid", kind === "plan" ? "plan" : "org units");
