import { Title } from "@mantine/core";

/** Placeholder until this page is built (issue 13). */
export function IndicatorPage() {
  return <Title order={1}>IndicatorPage</Title>;
}
