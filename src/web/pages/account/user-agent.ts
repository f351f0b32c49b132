/**
 * A browser and system name from a User-Agent header, enough to recognise one's own devices in
 * the session list ("Chrome on Windows"). Order matters: Edge and Opera also say "Chrome",
 * Chrome also says "Safari".
 */
const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/CocCoc|coc_coc/i, "Cốc Cốc"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/HeadlessChrome\//, "Chrome (headless)"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
];

const systems: [RegExp, string][] = [
  [/Windows/, "Windows"],
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

export function describeUserAgent(ua: string | null): { browser?: string; os?: string } {
  if (!ua) return {};
  return {
    browser: browsers.find(([re]) => re.test(ua))?.[1],
    os: systems.find(([re]) => re.test(ua))?.[1],
  };
}
