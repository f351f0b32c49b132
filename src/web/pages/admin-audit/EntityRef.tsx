/** An entity named in the trail: its type in words and its id, linked to its page where it has one. */
import { Anchor, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { entityLink } from "./audit-model.js";

export function EntityRef({ type, id }: { type: string; id: string | null }) {
  const { t } = useTranslation("adminAudit");
  const link = entityLink(type, id);
  const label = id ?? "";
  return (
    <>
      <Text size="xs" c="gray.7" component="span" display="block">
        {t(`entity.${type}`, { defaultValue: type })}
      </Text>
      {link === null ? (
        <Text size="sm" component="span" className="audit-id">
          {label}
        </Text>
      ) : (
        <Anchor size="sm" className="audit-id" renderRoot={(p) => <Link {...p} {...link} />}>
          {label}
        </Anchor>
      )}
    </>
  );
}
