import { Title } from "@mantine/core";

/** Placeholder until this page is built (issue 13). */
export function RoadmapPage() {
  return <Title order={1}>RoadmapPage</Title>;
}
