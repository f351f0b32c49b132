/**
 * The entry sheet's types alone, apart from its hooks: the grid's pure modules and their tests
 * import these without pulling in the client (and with it i18next and Vite's import.meta.glob).
 */
import type { AnswerOf, BodyOf } from "./types.js";

export type EntrySheet = AnswerOf<"/api/v1/org-units/{code}/entry">;
export type EntryIndicator = EntrySheet["indicators"][number];
export type EntryCell = EntryIndicator["cells"][number];
export type TransitionsBody = BodyOf<"/api/v1/observations/transitions", "post">;
export type TransitionsAnswer = AnswerOf<"/api/v1/observations/transitions">;
