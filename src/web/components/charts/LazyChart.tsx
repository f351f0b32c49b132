/** The chart component loaded on demand: echarts stays out of the first page load. */
import { lazy, Suspense } from "react";
import type { EChartProps } from "./EChart.js";

const EChart = lazy(() => import("./EChart.js"));

export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 320 }} aria-hidden />}>
      <EChart {...props} />
    </Suspense>
  );
}
