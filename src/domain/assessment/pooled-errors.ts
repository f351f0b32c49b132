/**
 * Quantiles of |scaled error| by horizon (1..6 steps), pooled over the back-test's main set
 * (bench/forecast: 53 series, 1498 cases, default scale). Written by
 * `npm run bench:forecast -- --write-pooled`; do not edit by hand.
 */
import type { SmoothingMethod } from "./smoothing.js";

/** Quantiles of |scaled error| at 1..n steps ahead. */
export type PooledTable = { q80: readonly number[]; q95: readonly number[] };

export const POOLED_SCALED_ERRORS: Record<SmoothingMethod, PooledTable> = {
  naive: {
    q80: [1.901, 3.564, 5.19, 6.863, 8.575, 10.568],
    q95: [3.369, 6.493, 10.099, 13.369, 18.178, 23.42],
  },
  drift: {
    q80: [1.519, 2.747, 4.097, 5.093, 6.353, 7.43],
    q95: [3.041, 5.645, 8.278, 11.275, 14.888, 20.081],
  },
  ses: {
    q80: [1.938, 3.58, 5.226, 6.874, 8.575, 10.584],
    q95: [3.458, 6.638, 10.326, 13.381, 18.178, 23.495],
  },
  holt: { q80: [1.69, 2.891, 4.254, 5.382, 6.752, 8.044], q95: [3.218, 5.595, 7.855, 10.7, 14.013, 18.059] },
  damped: {
    q80: [1.666, 2.813, 4.18, 5.314, 6.372, 7.537],
    q95: [3.173, 5.776, 7.973, 11.079, 13.7, 18.692],
  },
  theta: {
    q80: [1.638, 2.967, 4.463, 5.627, 6.851, 8.566],
    q95: [3.21, 6.13, 9.113, 12.464, 16.084, 22.444],
  },
  comb: { q80: [1.64, 2.81, 4.131, 5.178, 6.354, 7.775], q95: [3.103, 5.837, 8.361, 11.635, 14.828, 19.142] },
};
