/**
 * A refused dry run: the server's message, then each problem by line, field and message (the line
 * a link to the marked line below), then the file's text with those lines marked. Any other
 * refusal (not allowed, too large) is the server's message alone.
 */
import { Alert, Anchor, Table, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { errorRows, numberedLines, problemsByLine } from "./error-rows.js";
import { lineId, MarkedText } from "./MarkedText.js";

export function CheckErrors({ error, text }: { error: unknown; text: string }) {
  const { t } = useTranslation("adminPlanFile");
  const [whole, setWhole] = useState(false);
  const rows = useMemo(() => (error instanceof ApiError ? errorRows(error.details) : []), [error]);
  const lines = useMemo(() => numberedLines(text), [text]);
  const problems = useMemo(() => problemsByLine(rows), [rows]);
  const message = error instanceof ApiError ? error.message : String(error);

  const goTo = (line: number) => {
    const el = document.getElementById(lineId(line));
    el?.scrollIntoView({ block: "center" });
    el?.focus({ preventScroll: true });
  };

  if (rows.length === 0)
    return (
      <Alert color="red" role="alert" title={t("check.failedTitle")} data-pf-failed>
        {message}
      </Alert>
    );
  return (
    <section aria-labelledby="pf-errors-title">
      <Alert color="red" role="alert" title={t("errors.title")} id="pf-errors-title">
        {message}
      </Alert>
      <div className="table-scroll">
        <Table mt="sm" striped className="pf-errors">
          <Table.Caption>{t("errors.caption", { count: rows.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("errors.line")}</Table.Th>
              <Table.Th scope="col">{t("errors.field")}</Table.Th>
              <Table.Th scope="col">{t("errors.message")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's problems have no id; their order is fixed
              <Table.Tr key={i}>
                <Table.Td>
                  {r.line ? (
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => goTo(r.line ?? 1)}
                      aria-label={t("errors.goTo", { line: r.line })}
                    >
                      {r.line}
                    </Anchor>
                  ) : (
                    t("errors.noLine")
                  )}
                </Table.Td>
                <Table.Td>
                  {r.field ? <code className="pf-field">{r.field}</code> : t("errors.noLine")}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.message}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {problems.size > 0 && <MarkedText lines={lines} problems={problems} whole={whole} onWhole={setWhole} />}
    </section>
  );
}
