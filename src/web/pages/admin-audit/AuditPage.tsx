/** Placeholder while this area is being built (issue 15). */
import { AdminFrame } from "../admin/AdminFrame.js";

export function AuditPage() {
  return (
    <AdminFrame area={null} title="/admin/audit">
      <p>…</p>
    </AdminFrame>
  );
}
