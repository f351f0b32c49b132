/** The plan's projects: kind, system, initiatives, owner unit; edit and retire each. */
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n/index.js";
import { ItemActions } from "./ItemActions.js";
import type { ProjectItem } from "./item-forms.js";

export type Project = ProjectItem & { retired: boolean };

export function ProjectsTable({
  projects,
  administer,
  onEdit,
  onRetire,
}: {
  projects: Project[];
  administer: boolean;
  onEdit: (p: Project) => void;
  onRetire: (p: Project) => void;
}) {
  const { t } = useTranslation("adminPlans");
  const lang = currentLanguage();
  if (projects.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t("outline.noProjects")}
      </Text>
    );
  return (
    <div className="table-scroll">
      <Table withTableBorder striped aria-label={t("outline.projects")} className="projects-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("items.fields.code")}</Table.Th>
            <Table.Th scope="col">{t("outline.projectName")}</Table.Th>
            <Table.Th scope="col">{t("items.fields.kind")}</Table.Th>
            <Table.Th scope="col">{t("items.fields.system")}</Table.Th>
            <Table.Th scope="col">{t("items.fields.initiatives")}</Table.Th>
            <Table.Th scope="col">{t("items.fields.ownerUnit")}</Table.Th>
            <Table.Th scope="col">{t("plans.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((p) => (
            <Table.Tr key={p.code}>
              <Table.Th scope="row">{p.code}</Table.Th>
              <Table.Td>{(lang === "en" && p.name.en) || p.name.vi}</Table.Td>
              <Table.Td>{t(`items.options.kind.${p.kind}`, { defaultValue: p.kind })}</Table.Td>
              <Table.Td>{p.system ?? "—"}</Table.Td>
              <Table.Td>{p.initiatives.join(", ") || "—"}</Table.Td>
              <Table.Td>{p.ownerUnit ?? "—"}</Table.Td>
              <Table.Td>
                <ItemActions
                  label={p.code}
                  retired={p.retired}
                  administer={administer}
                  onEdit={() => onEdit(p)}
                  onRetire={() => onRetire(p)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
