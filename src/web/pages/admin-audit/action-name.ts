/** An audit action in words (adminAudit.json `actionNames`), or its code when it has no name yet. */
import type { TFunction } from "i18next";

export function actionName(t: TFunction<"adminAudit">, action: string): string {
  // Codes are "entity.verb": i18next reads the dot as nesting, which is how actionNames is laid out.
  return t(`actionNames.${action}`, { defaultValue: action }) as string;
}
