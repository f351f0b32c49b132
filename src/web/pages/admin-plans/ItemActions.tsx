/** Edit and retire buttons of one outline item, shown by the plan's `can.administer`; a retired item has none. */
import { Badge, Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function ItemActions({
  label,
  retired,
  administer,
  onEdit,
  onRetire,
}: {
  /** The item as named in the buttons' accessible names ("S1", "SK01"). */
  label: string;
  retired: boolean;
  administer: boolean;
  onEdit: () => void;
  onRetire: () => void;
}) {
  const { t } = useTranslation("adminPlans");
  if (retired)
    return (
      <Badge color="dark" variant="outline">
        {t("retired")}
      </Badge>
    );
  if (!administer) return null;
  return (
    <Group gap={6} wrap="nowrap" className="item-actions">
      <Button
        size="compact-sm"
        variant="default"
        onClick={onEdit}
        aria-label={t("editItem", { item: label })}
      >
        {t("edit")}
      </Button>
      <Button
        size="compact-sm"
        variant="outline"
        color="brand"
        onClick={onRetire}
        aria-label={t("retireItem", { item: label })}
      >
        {t("retire.action")}
      </Button>
    </Group>
  );
}
