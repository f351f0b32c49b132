/** Evidence links (minh chứng): shown as links, so only web addresses are stored. */

/** Whether an evidence link may be stored and shown as a link: http(s) only, never javascript: or file:. */
export function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

export const webUrlMessage = {
  vi: "phải là một địa chỉ http:// hoặc https://",
  en: "must be an http:// or https:// address",
};
