// Dependency audit for CI: fails on high or critical advisories of production dependencies, except
// those accepted in .ci/audit-accepted.json with a reason and an unexpired date. When the registry's
// audit service does not answer (as on the development machines), it says so and passes.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let raw;
try {
  raw = execFileSync("npm", ["audit", "--omit=dev", "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
} catch (err) {
  raw = err.stdout ?? "";
}
let report;
try {
  report = JSON.parse(raw);
} catch {
  report = undefined;
}
if (!report || report.error || !report.vulnerabilities) {
  const why = report?.message || report?.error?.summary || "no answer";
  console.log(`npm audit: the registry's audit service did not answer (${why}); skipping`);
  process.exit(0);
}
const accepted = JSON.parse(readFileSync(new URL("./audit-accepted.json", import.meta.url), "utf8"));
const today = new Date().toISOString().slice(0, 10);
const failing = [];
for (const [name, v] of Object.entries(report.vulnerabilities)) {
  if (v.severity !== "high" && v.severity !== "critical") continue;
  const sources = (v.via ?? []).filter((x) => typeof x === "object").map((x) => x.url ?? x.source);
  const ok = accepted.some(
    (a) =>
      a.package === name &&
      a.expires >= today &&
      (sources.length === 0 || sources.some((s) => String(s).includes(a.advisory))),
  );
  if (!ok) failing.push(`${name} (${v.severity}): ${sources.join(", ")}`);
}
if (failing.length > 0) {
  console.error(
    `npm audit: ${failing.length} high/critical advisories not accepted:\n  ${failing.join("\n  ")}`,
  );
  process.exit(1);
}
console.log("npm audit: no unaccepted high or critical advisories");
