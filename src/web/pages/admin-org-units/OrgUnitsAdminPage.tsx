/** Placeholder while this area is being built (issue 15). */
import { AdminFrame } from "../admin/AdminFrame.js";

export function OrgUnitsAdminPage() {
  return (
    <AdminFrame area={null} title="/admin/org-units">
      <p>…</p>
    </AdminFrame>
  );
}
