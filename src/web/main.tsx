/**
 * The web app's entry: its style sheets are linked in the page's head; app/boot.tsx starts the
 * app. On `/` the server has drawn the first screen (decision 0017) and named the page's chunks in
 * a meta tag instead of preloading them: there the scripts are asked for once the page has
 * painted, so on a slow connection the style sheets and fonts do not share the line with 200 KB
 * of script. Elsewhere the chunks are already on their way and the app starts at once.
 */
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./app/mantine.css";
import "./app/app.css";

const afterPaint = document.querySelector<HTMLMetaElement>('meta[name="chinam-page-chunks"]');

let started = false;
function start(): void {
  if (started) return;
  started = true;
  for (const href of (afterPaint?.content ?? "").split(" ").filter(Boolean)) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.crossOrigin = "";
    link.href = href;
    document.head.append(link);
  }
  // A task of its own: each preload costs the main thread a little, and so does the import's own
  // preloading of the app's chunks; together they made one long task on a slow phone.
  setTimeout(() => void import("./app/boot.js"), 0);
}

if (afterPaint) {
  // After the next frame is painted (a task queued from requestAnimationFrame runs after it), and
  // in any case soon: a tab opened in the background paints no frame until it is shown.
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 200);
} else start();
