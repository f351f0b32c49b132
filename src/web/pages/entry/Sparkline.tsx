/** A cell's last twelve periods as a tiny line, with the value being entered as a dot (phone cards). */
import { memo } from "react";
import { sparkPoints } from "./history.js";

const W = 96;
const H = 24;

export const Sparkline = memo(function Sparkline({
  slots,
  current,
  suspicious,
  label,
}: {
  slots: readonly (number | null)[];
  current: number | null;
  suspicious: boolean;
  label: string;
}) {
  // The current value shares the scale, so a typo shows as a dot far off the line.
  const pts = sparkPoints([...slots, current], W, H);
  const last = current === null ? undefined : pts.at(-1);
  const line = (current === null ? pts : pts.slice(0, -1)).map((p) => `${p.x},${p.y}`).join(" ");
  return (
    <svg
      className="entry-spark"
      width={W + 6}
      height={H + 6}
      viewBox={`-3 -3 ${W + 6} ${H + 6}`}
      role="img"
      aria-label={label}
    >
      {line && <polyline points={line} fill="none" stroke="#5f6368" strokeWidth="1.5" />}
      {last && <circle cx={last.x} cy={last.y} r="3" fill={suspicious ? "#b35c00" : "#1c7ed6"} />}
    </svg>
  );
});
