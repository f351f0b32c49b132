/** Placeholder while the page is built (issue 14): replaced by its owner. */
export function ImportPage() {
  return null;
}
