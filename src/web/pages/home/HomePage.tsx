import { Title } from "@mantine/core";

/** Placeholder until this page is built (issue 13). */
export function HomePage() {
  return <Title order={1}>HomePage</Title>;
}
