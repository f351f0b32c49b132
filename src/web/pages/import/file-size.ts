/** A file's size as people read it, in the page's language: "820 B", "12,4 KB", "3,1 MB" (vi) or "3.1 MB" (en). */
export function formatSize(bytes: number, lang: "vi" | "en"): string {
  const units = ["B", "KB", "MB", "GB"];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  const digits = u === 0 || n >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    maximumFractionDigits: digits,
  }).format(n);
  return `${text} ${units[u]}`;
}
