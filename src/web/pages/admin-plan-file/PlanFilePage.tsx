/** Placeholder while this area is being built (issue 15). */
import { AdminFrame } from "../admin/AdminFrame.js";

export function PlanFilePage() {
  return (
    <AdminFrame area={null} title="/admin/plan-file">
      <p>…</p>
    </AdminFrame>
  );
}
