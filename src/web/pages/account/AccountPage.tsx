import { Title } from "@mantine/core";

/** Placeholder until this page is built (issue 13). */
export function AccountPage() {
  return <Title order={1}>AccountPage</Title>;
}
