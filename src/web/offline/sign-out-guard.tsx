/**
 * Signing out on a shared computer (a commune office) leaves none of the user's data behind: the
 * Shell's sign-out button goes through useSignOutGuard, which first counts the user's unsent
 * values and, if there are any, asks ("Đăng xuất và xoá" / "Ở lại và đồng bộ"); then wipes the
 * queue and the cached session and sheets, and signs out. The outbox code loads only on click,
 * so pages without data entry do not carry it.
 */
import { lazy, type ReactNode, Suspense, useCallback, useRef, useState } from "react";

const SignOutModal = lazy(() => import("./SignOutModal.js").then((m) => ({ default: m.SignOutModal })));

export function useSignOutGuard(
  userId: string | undefined,
  signOut: () => void,
): { request: () => void; modal: ReactNode } {
  const [unsynced, setUnsynced] = useState(0);
  // A double click counts once: the check and the wipe are asynchronous.
  const busy = useRef(false);

  const wipeAndSignOut = useCallback(async () => {
    if (userId) {
      const { wipeOutbox } = await import("./wipe.js");
      await wipeOutbox(userId);
    }
    setUnsynced(0);
    signOut();
  }, [userId, signOut]);

  const request = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    void (async () => {
      try {
        const { pendingCount } = await import("./wipe.js");
        const count = userId ? await pendingCount(userId) : 0;
        if (count > 0) setUnsynced(count);
        else await wipeAndSignOut();
      } finally {
        busy.current = false;
      }
    })();
  }, [userId, wipeAndSignOut]);

  const stay = useCallback(() => {
    setUnsynced(0);
    // Offline there is nothing to try: the outbox sends by itself when the connection returns.
    if (userId && navigator.onLine)
      void import("./browser.js").then(({ outboxFor }) => outboxFor(userId).sync());
  }, [userId]);

  const modal =
    unsynced > 0 ? (
      <Suspense fallback={null}>
        <SignOutModal count={unsynced} onWipe={() => void wipeAndSignOut()} onStay={stay} />
      </Suspense>
    ) : null;
  return { request, modal };
}
