/** Counts by status as short labelled chips, worst first ("2 Chậm tiến độ · 3 Có nguy cơ"). */
import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Status, statusColor, statusFill } from "../../components/StatusBadge.js";
import { type Counts, countEntries } from "./home-model.js";

export function StatusCounts({ counts, size = "sm" }: { counts: Counts; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  const entries = countEntries(counts);
  return (
    <Group gap={6} wrap="wrap" component="ul" className="status-counts">
      {entries.map(([status, n]) => (
        <Text
          key={status}
          component="li"
          size={size}
          className="status-count"
          style={{ background: statusFill[status as Status], borderColor: statusColor[status as Status] }}
        >
          <strong>{n}</strong> {t(`status.${status}`)}
        </Text>
      ))}
    </Group>
  );
}
