/**
 * The rows of the disaggregations tab from the API's answer: per dimension, each option's value
 * and — for an additive indicator, whose categories may be added — its share of the categories'
 * sum and how that sum compares with the total reported on its own. Pure, so it is tested without
 * a DOM.
 */

export interface DimensionLike {
  code: string;
  options: readonly { code: string; value: number | null; partial: boolean }[];
}

export interface OptionRow {
  code: string;
  value: number | null;
  partial: boolean;
  /** The option's part of the sum of the dimension's options (0..1); null when not additive. */
  share: number | null;
}

export interface DimensionView {
  code: string;
  rows: OptionRow[];
  /** How many options have a value. */
  withValue: number;
  /** The sum of the options' values (additive indicators with at least one value; else null). */
  sum: number | null;
  /** The sum over the total reported without disaggregation (1: they agree); null when unknown. */
  coverage: number | null;
}

/** Only a sum may be split into parts that add up: a share, a mean or a rank may not. */
export function isAdditive(aggregation: string): boolean {
  return aggregation === "sum";
}

export function dimensionViews(
  dimensions: readonly DimensionLike[],
  total: number | null,
  additive: boolean,
): DimensionView[] {
  return dimensions.map((d) => {
    const values = d.options.flatMap((o) => (o.value === null ? [] : [o.value]));
    const sum = additive && values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
    return {
      code: d.code,
      withValue: values.length,
      sum,
      coverage: sum !== null && total !== null && total !== 0 ? sum / total : null,
      rows: d.options.map((o) => ({
        code: o.code,
        value: o.value,
        partial: o.partial,
        share: sum !== null && sum !== 0 && o.value !== null ? o.value / sum : null,
      })),
    };
  });
}
