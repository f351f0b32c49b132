/** One indicator's types alone, apart from its hooks (pure models and their tests import these). */
import type { AnswerOf } from "./types.js";

export type Indicator = AnswerOf<"/api/v1/indicators/{code}">;
export type IndicatorHistory = AnswerOf<"/api/v1/indicators/{code}/history">;
