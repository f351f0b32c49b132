/**
 * Renders its children once their place comes near the viewport (or the page is printed), and
 * until then a placeholder of the given height. A phone opening the dashboard renders what it
 * shows — the plan and its systems — and not the 49 targets, the alerts and the map below them:
 * that rendering was most of the page's main-thread time on a mid-range phone.
 */
import { type ReactNode, useEffect, useRef, useState } from "react";

let printing = false;
const printListeners = new Set<() => void>();
if (typeof window !== "undefined")
  window.addEventListener("beforeprint", () => {
    printing = true;
    for (const l of printListeners) l();
  });

export function WhenVisible({
  children,
  minHeight,
  margin = "600px",
  className,
}: {
  children: ReactNode;
  /** Classes for the placeholder, so it takes the content's place in a grid. */
  className?: string;
  /** The placeholder's height: close to the content's, so the page does not jump. */
  minHeight: number;
  /** How far outside the viewport rendering starts (scrolling meets finished content). */
  margin?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(printing || typeof IntersectionObserver === "undefined");

  useEffect(() => {
    if (shown) return;
    const show = () => setShown(true);
    printListeners.add(show);
    const el = ref.current;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) show();
      },
      { rootMargin: `${margin} 0px` },
    );
    if (el) observer.observe(el);
    return () => {
      printListeners.delete(show);
      observer.disconnect();
    };
  }, [shown, margin]);

  if (shown) return <>{children}</>;
  return <div ref={ref} className={className} style={{ minHeight }} aria-hidden />;
}
