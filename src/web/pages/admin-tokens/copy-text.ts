/**
 * Copying a secret or a command: the Clipboard API where the page may use it (a secure origin, the
 * user's permission); otherwise the text is selected in its field and the older copy command tried
 * (plain-http instances have no Clipboard API) — failing that, the user copies the selection by hand.
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}
