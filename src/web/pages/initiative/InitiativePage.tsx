import { Title } from "@mantine/core";

/** Placeholder until this page is built (issue 13). */
export function InitiativePage() {
  return <Title order={1}>InitiativePage</Title>;
}
