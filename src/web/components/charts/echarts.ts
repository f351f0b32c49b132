/**
 * echarts from `echarts/core` with only the pieces the app draws (lines, bars; grid, tooltip,
 * legend, mark lines; SVG renderer): the whole library would triple the dashboard's script, and
 * each unused component costs a phone download and parse time (data zoom and mark areas, unused,
 * were 40 KB of it). Imported only by chart components, which pages load lazily.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
