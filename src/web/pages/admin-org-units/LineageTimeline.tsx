/**
 * A unit's lineage drawn as a small vertical timeline (CSS: a rail with a dot per date): when it
 * began, the units merged into it or split from it, what it merged into or was renamed to, and its
 * last day. It is an ordered list of dated steps, so a screen reader reads the same story; each
 * other unit is a button that opens it here.
 */
import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "../../api/org-units.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate } from "../../lib/format.js";
import { eventKey, timeline } from "./lineage-model.js";

export function LineageTimeline({ unit, onOpen }: { unit: OrgUnit; onOpen: (code: string) => void }) {
  const { t } = useTranslation("adminOrgUnits");
  const lang = currentLanguage();
  const steps = timeline(unit);
  const tx = (n: { vi: string; en: string | null } | null | undefined) =>
    n ? (lang === "en" && n.en ? n.en : n.vi) : "";
  const linked = unit.predecessors.length + unit.successors.length > 0;

  return (
    <section aria-labelledby="ou-lineage-title" className="ou-lineage">
      <Text component="h3" fw={600} size="md" id="ou-lineage-title" mb="xs">
        {t("lineage.title")}
      </Text>
      {!linked && (
        <Text size="sm" c="gray.7" mb="xs">
          {t("lineage.none")}
        </Text>
      )}
      {steps.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("lineage.noDates")}
        </Text>
      ) : (
        <ol className="ou-timeline">
          {steps.map((s) => (
            <li key={s.date} className="ou-step">
              <time dateTime={s.date} className="ou-step-date">
                {formatDate(s.date, lang)}
              </time>
              {s.events.map((e) => (
                <div
                  key={eventKey(e)}
                  className={`ou-event ou-event-${e.type === "link" ? e.direction : e.type}`}
                >
                  <Text size="sm" fw={600}>
                    {t(`lineage.${eventKey(e)}`)}
                  </Text>
                  {e.type === "link" && (
                    <ul className="ou-event-units">
                      {e.links.map((l) => (
                        <li key={l.unit}>
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            onClick={() => onOpen(l.unit)}
                            aria-label={t("lineage.open", { name: `${tx(l.name) || l.unit} (${l.unit})` })}
                          >
                            {tx(l.name) || l.unit} ({l.unit})
                          </Anchor>
                          {l.note && (
                            <Text size="xs" c="gray.7">
                              {tx(l.note)}
                            </Text>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
