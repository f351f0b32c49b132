/** Placeholder while this area is being built (issue 15). */
import { AdminFrame } from "../admin/AdminFrame.js";

export function TokensPage() {
  return (
    <AdminFrame area={null} title="/admin/tokens">
      <p>…</p>
    </AdminFrame>
  );
}
