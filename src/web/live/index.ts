/** Live data for any page (the dashboard, the meeting page): the hook and its visible cue. */
export { LiveCue } from "./LiveCue.js";
export type { LiveSnapshot, LiveState } from "./useLiveUpdates.js";
export { useLiveUpdates } from "./useLiveUpdates.js";
