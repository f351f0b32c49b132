/** A status as a coloured label with its word (never colour alone). */
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { type Status, statusColor } from "./status.js";

export { type Status, statusColor, statusFill } from "./status.js";

export function StatusBadge({ status, size = "sm" }: { status: Status; size?: "xs" | "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      color={statusColor[status]}
      variant="filled"
      radius="sm"
      style={{ textTransform: "none" }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
