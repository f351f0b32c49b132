/**
 * One echarts instance in a div that follows its container's size. The chart is an image for
 * screen readers (role="img" with a label); every chart in the app has a table beside it.
 */
import { useEffect, useRef } from "react";
import { type EChartsOption, echarts } from "./echarts.js";

export interface EChartProps {
  option: EChartsOption;
  label: string;
  height?: number | string;
}

export default function EChart({ option, label, height = 320 }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: "svg" });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: "100%", height }} />;
}
