/** A cell of an exported table: text, a number, yes/no, or empty. */
export type Cell = string | number | boolean | null;
