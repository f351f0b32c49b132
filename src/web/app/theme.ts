import { createTheme, type MantineColorsTuple } from "@mantine/core";

/** The plan's red (the favicon's), darkened enough for 4.5:1 contrast with white text. */
const red: MantineColorsTuple = [
  "#fdeceb",
  "#f7d3d0",
  "#eea49f",
  "#e5736b",
  "#dd4a40",
  "#d13126",
  "#b3261e",
  "#9a1f18",
  "#801912",
  "#66130d",
];

export const theme = createTheme({
  primaryColor: "brand",
  primaryShade: 7,
  colors: { brand: red },
  fontFamily: '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: '"Be Vietnam Pro", system-ui, sans-serif', fontWeight: "600" },
  defaultRadius: "sm",
});
