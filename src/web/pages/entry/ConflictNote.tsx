/**
 * A stale-version conflict beside its cell: the value typed here and the one now on the server
 * (who changed it, when), and the choice — keep mine (sent again over the server's version) or
 * take theirs (drop mine).
 */
import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../lib/format.js";
import { formatDateTime } from "../../lib/format.js";
import type { PendingValue } from "../../offline/types.js";
import { inputText } from "./cell-input.js";

export function ConflictNote({
  pending,
  lang,
  onKeepMine,
  onTakeTheirs,
}: {
  pending: PendingValue;
  lang: Lang;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation("entry");
  const server = pending.server;
  return (
    <fieldset className="entry-conflict">
      <legend className="entry-conflict-title">{t("conflict.title")}</legend>
      <dl className="entry-conflict-values">
        <div>
          <dt>{t("conflict.mine")}</dt>
          <dd>{inputText(pending.write.value, lang)}</dd>
        </div>
        <div>
          <dt>{t("conflict.theirs")}</dt>
          <dd>
            {server ? (server.value === null ? t("conflict.deleted") : inputText(server.value, lang)) : "—"}
            {server?.updatedBy && (
              <Text span size="xs" c="dimmed" display="block">
                {t("conflict.by", {
                  who: server.updatedBy,
                  when: formatDateTime(server.updatedAt ?? null, lang),
                })}
              </Text>
            )}
          </dd>
        </div>
      </dl>
      <Group gap="xs">
        <Button size="compact-sm" onClick={onKeepMine} disabled={!server}>
          {t("conflict.keepMine")}
        </Button>
        <Button size="compact-sm" variant="default" onClick={onTakeTheirs}>
          {t("conflict.takeTheirs")}
        </Button>
      </Group>
    </fieldset>
  );
}
