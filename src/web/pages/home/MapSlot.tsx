/**
 * The province tile map's place on the dashboard. The map itself (ProvinceMapPanel, in
 * components/map) is another engineer's; it is loaded lazily so its code stays out of the first
 * load, and it drives the search params `map` (indicator) and `level` through onChange.
 */
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Basis = "approved" | "reported";
type Level = "province" | "ministry";

export interface MapSlotProps {
  plan: string;
  indicator: string | undefined;
  basis: Basis | undefined;
  level: Level | undefined;
  onChange: (change: { indicator?: string; level?: Level }) => void;
}

// TODO(issue 13, map): when src/web/components/map/ProvinceMapPanel.tsx lands, render it here:
//   const ProvinceMapPanel = lazy(() =>
//     import("../../components/map/ProvinceMapPanel.js").then((m) => ({ default: m.ProvinceMapPanel })));
//   <Suspense fallback={<Loading />}><ProvinceMapPanel {...props} /></Suspense>
export function MapSlot(_props: MapSlotProps) {
  const { t } = useTranslation("home");
  return (
    <section aria-labelledby="map-title" className="map-slot">
      <h2 id="map-title" className="section-title">
        {t("map.title")}
      </h2>
      <Text c="dimmed" size="sm">
        {t("map.pending")}
      </Text>
    </section>
  );
}
