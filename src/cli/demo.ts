/**
 * `npm run demo`: the same server on a separate data directory (./data-demo) marked as demo.
 * It holds the NQ57 plan; later modules add their own realistic demo data here.
 */
process.env.DATA_DIR ??= "./data-demo";
process.env.DEMO = "true";
if (process.env.DEMO_DATABASE_URL) process.env.DATABASE_URL = process.env.DEMO_DATABASE_URL;
else delete process.env.DATABASE_URL;

await import("../server/main.js");
