/**
 * The web app's entry. Its style sheets are linked in the page's head; its scripts are asked for
 * only once the page has painted (the header's frame and what the server drew), so on a slow
 * connection the style sheets and fonts do not share the line with 200 KB of script. The page's
 * own chunks, named by the server in a meta tag (route hints), are fetched alongside.
 */
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./app/mantine.css";
import "./app/app.css";

let started = false;
function start(): void {
  if (started) return;
  started = true;
  const hints = document.querySelector<HTMLMetaElement>('meta[name="chinam-page-chunks"]')?.content ?? "";
  for (const href of hints.split(" ").filter(Boolean)) {
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

// After the next frame is painted (a task queued from requestAnimationFrame runs after it), and in
// any case soon: a tab opened in the background paints no frame until it is shown.
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 200);
