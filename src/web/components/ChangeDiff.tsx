/**
 * A change's before and after as a table of the fields that differ (lib/diff.ts): removed values
 * struck through, added ones marked, each row's kind also said in words for screen readers.
 */
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { diffRows, showValue } from "../lib/diff.js";

export function ChangeDiff({
  before,
  after,
  label,
  fieldName,
}: {
  before: unknown;
  after: unknown;
  /** The table's accessible name ("Changes to T30-A02"). */
  label: string;
  /** A field's name for people, when the caller knows better than its path. */
  fieldName?: (path: string) => string;
}) {
  const { t } = useTranslation();
  const rows = diffRows(before, after);
  if (rows.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t("diff.none")}
      </Text>
    );
  return (
    <div className="table-scroll change-diff">
      <Table aria-label={label} withTableBorder striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("diff.field")}</Table.Th>
            <Table.Th scope="col">{t("diff.before")}</Table.Th>
            <Table.Th scope="col">{t("diff.after")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.path} data-kind={r.kind}>
              <Table.Th scope="row" className="diff-path">
                {fieldName?.(r.path) ?? (r.path || t("diff.value"))}
                <span className="visually-hidden"> ({t(`diff.${r.kind}`)})</span>
              </Table.Th>
              <Table.Td className="diff-before">
                {r.before === undefined ? "—" : <del>{showValue(r.before)}</del>}
              </Table.Td>
              <Table.Td className="diff-after">
                {r.after === undefined ? "—" : <ins>{showValue(r.after)}</ins>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
