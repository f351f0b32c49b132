/** `npm run build:web [-- --force]`: builds the web app into dist/web (skipped when current). */
import { ensureWebBuild } from "../server/web-app/index.js";

const force = process.argv.includes("--force");
const outcome = await ensureWebBuild({ force, log: console.log });
console.log(
  outcome.built
    ? `Web app built in ${(outcome.ms / 1000).toFixed(1)} s (dist/web).`
    : "Web app build is current (dist/web); --force rebuilds.",
);
