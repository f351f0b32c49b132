/**
 * The unit's reporting completeness in recent periods: indicators expected, reported and which
 * are missing, as a table with a bar per period (the share is also written out). Signed-in only.
 */
import { Anchor, Progress, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useOrgUnitCompleteness } from "../../api/org-units.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatPercent } from "../../lib/format.js";

const KINDS = ["month", "quarter", "half_year", "year"] as const;

export function CompletenessTab({ code, plan, signedIn }: { code: string; plan: string; signedIn: boolean }) {
  const { t } = useTranslation("orgUnit");
  const lang = currentLanguage();
  const search = useSearch({ from: "/org-units/$code" });
  const navigate = useNavigate({ from: "/org-units/$code" });
  const kind = search.kind ?? "month";
  const done = useOrgUnitCompleteness(code, { plan, kind, periods: 6 }, signedIn);
  if (!signedIn) return <Text c="dimmed">{t("completeness.signIn")}</Text>;
  return (
    <Stack gap="sm">
      <div className="no-print">
        <Text size="sm" fw={500} id="completeness-kind" mb={2}>
          {t("completeness.kind")}
        </Text>
        <SegmentedControl
          aria-labelledby="completeness-kind"
          size="sm"
          value={kind}
          onChange={(v) => {
            const next = KINDS.find((k) => k === v);
            void navigate({
              search: (p) => ({ ...p, kind: next === "month" ? undefined : next }),
              replace: true,
            });
          }}
          data={KINDS.map((k) => ({ value: k, label: t(`completeness.kinds.${k}`) }))}
        />
      </div>
      {done.isPending ? (
        <Loading />
      ) : done.isError ? (
        <ErrorNote error={done.error} />
      ) : done.data.periods.length === 0 || done.data.indicators === 0 ? (
        <Text c="dimmed">{t("completeness.none")}</Text>
      ) : (
        <>
          <Text size="sm">{t("completeness.summary", { count: done.data.indicators })}</Text>
          <div className="table-scroll">
            <Table striped withTableBorder verticalSpacing={4} miw={560}>
              <caption className="visually-hidden">{t("completeness.caption")}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("completeness.period")}</Table.Th>
                  <Table.Th scope="col">{t("completeness.reported")}</Table.Th>
                  <Table.Th scope="col" style={{ width: "30%" }}>
                    {t("completeness.share")}
                  </Table.Th>
                  <Table.Th scope="col">{t("completeness.missing")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...done.data.periods].reverse().map((p) => {
                  const share = p.expected > 0 ? p.reported / p.expected : null;
                  return (
                    <Table.Tr key={p.period}>
                      <Table.Th scope="row" fw="normal" style={{ whiteSpace: "nowrap" }}>
                        {p.period}
                      </Table.Th>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {t("completeness.ofExpected", { reported: p.reported, expected: p.expected })}
                      </Table.Td>
                      <Table.Td>
                        {share === null ? (
                          "—"
                        ) : (
                          <Stack gap={2}>
                            <Progress
                              value={share * 100}
                              color={share >= 1 ? "green.9" : share >= 0.5 ? "yellow.9" : "red.9"}
                              aria-hidden
                            />
                            <Text size="xs">{formatPercent(share, lang)}</Text>
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {p.missing.length === 0
                          ? "—"
                          : p.missing.map((m, k) => (
                              <span key={m}>
                                {k > 0 && ", "}
                                <Anchor
                                  size="xs"
                                  renderRoot={(props) => (
                                    <Link
                                      {...props}
                                      to="/indicators/$code"
                                      params={{ code: m }}
                                      search={{ plan }}
                                    />
                                  )}
                                >
                                  {m}
                                </Anchor>
                              </span>
                            ))}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Stack>
  );
}
