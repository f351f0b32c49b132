/**
 * The province tile map's place on the dashboard. The map itself (ProvinceMapPanel, in
 * components/map) is loaded lazily so its code stays out of the first load; it drives the search
 * params `map` (indicator) and `level` through onChange.
 */
import { lazy, Suspense } from "react";
import { Loading } from "../../components/QueryState.js";

type Basis = "approved" | "reported";
type Level = "province" | "ministry";

const ProvinceMapPanel = lazy(() =>
  import("../../components/map/ProvinceMapPanel.js").then((m) => ({ default: m.ProvinceMapPanel })),
);

export interface MapSlotProps {
  plan: string;
  indicator: string | undefined;
  basis: Basis | undefined;
  level: Level | undefined;
  onChange: (change: { indicator?: string; level?: Level }) => void;
}

/** The panel carries its own heading (h2) and section. */
export function MapSlot(props: MapSlotProps) {
  return (
    <div className="map-slot">
      <Suspense fallback={<Loading />}>
        <ProvinceMapPanel {...props} />
      </Suspense>
    </div>
  );
}
