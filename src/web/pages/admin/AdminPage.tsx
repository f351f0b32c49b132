/** /admin: the administration areas the signed-in user may open, each with what it is for. */
import { SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.js";
import { AdminFrame } from "./AdminFrame.js";
import { adminAreas } from "./areas.js";

export function AdminPage() {
  const { t } = useTranslation("admin");
  const can = useSession().data?.can;
  const open = can ? adminAreas.filter((a) => a.open(can)) : [];
  return (
    <AdminFrame area={null} title={t("title")} intro={t("intro")}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {open.map((a) => (
          <Link key={a.key} to={a.to} className="admin-card">
            <Title order={2} size="h4">
              {t(`areas.${a.key}.title`)}
            </Title>
            <Text size="sm" c="gray.7" mt={4}>
              {t(`areas.${a.key}.body`)}
            </Text>
          </Link>
        ))}
      </SimpleGrid>
    </AdminFrame>
  );
}
