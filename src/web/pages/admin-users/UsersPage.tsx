/** Placeholder while this area is being built (issue 15). */
import { AdminFrame } from "../admin/AdminFrame.js";

export function UsersPage() {
  return (
    <AdminFrame area={null} title="/admin/users">
      <p>…</p>
    </AdminFrame>
  );
}
