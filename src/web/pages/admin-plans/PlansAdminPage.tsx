/** Placeholder while this area is being built (issue 15). */
import { AdminFrame } from "../admin/AdminFrame.js";

export function PlansAdminPage() {
  return (
    <AdminFrame area={null} title="/admin/plans">
      <p>…</p>
    </AdminFrame>
  );
}
