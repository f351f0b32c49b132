/** Schema messages in both languages (defined in the domain, which the contracts build on). */
export { bilingual } from "../domain/bilingual.js";
