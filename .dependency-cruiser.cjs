/**
 * Boundary rules of the codebase, checked by `npm run lint` (see docs/architecture.md, "Module
 * checklist"). Layers, lowest first: src/domain and src/contracts (pure) → src/db → src/server/core
 * (shared toolbox) → modules (src/server/<module>/, meeting only at each other's index.ts) → the
 * composition root (src/server/*.ts, src/cli). Tests and benchmarks may reach inside a module.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles make modules inseparable: break them by moving the shared piece down a layer.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "module-front-door",
      severity: "error",
      comment: "Another module is reached only through its index.ts; src/server/core is shared and open.",
      from: { path: "^src/server/([^/]+)/" },
      to: {
        path: "^src/server/[^/]+/.",
        pathNot: ["^src/server/$1/", "^src/server/core/", "^src/server/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "root-front-door",
      severity: "error",
      comment: "The composition root (src/server/*.ts, src/cli) uses modules through their index.ts.",
      from: { path: "^(src/server/[^/]+\\.ts$|src/cli/)" },
      to: { path: "^src/server/[^/]+/.", pathNot: ["^src/server/core/", "^src/server/[^/]+/index\\.ts$"] },
    },
    {
      name: "modules-below-root",
      severity: "error",
      comment: "Modules do not import the composition root (app.ts, start.ts, main.ts).",
      from: { path: "^src/server/[^/]+/" },
      to: { path: "^src/server/[^/]+\\.ts$", pathNot: ["^src/server/app-deps\\.ts$"] },
    },
    {
      name: "core-below-modules",
      severity: "error",
      comment: "The core is the shared toolbox: it knows no module.",
      from: { path: "^src/server/core/" },
      to: { path: "^src/(server/(?!core/)|cli/)" },
    },
    {
      name: "pure-domain-and-contracts",
      severity: "error",
      comment: "src/domain and src/contracts are pure: shared with the web app, no server or database code.",
      from: { path: "^src/(domain|contracts)/" },
      to: { path: "^src/(server|db|cli|web)/" },
    },
    {
      name: "db-below-server",
      severity: "error",
      comment: "The database layer (schema, client, migrations) knows nothing of the server.",
      from: { path: "^src/db/" },
      to: { path: "^src/(server|cli|web)/" },
    },
    {
      name: "web-uses-contracts",
      severity: "error",
      comment: "The web app reaches the server only through the typed client in src/contracts.",
      from: { path: "^src/web/" },
      to: { path: "^src/", pathNot: ["^src/(web|domain|contracts)/"] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|\\.test\\.ts$|\\.d\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
