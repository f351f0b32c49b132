/**
 * The largest plan-definition file POST /plans takes (the smaller of this and MAX_UPLOAD_MB): the
 * bundled NQ57 plan is under 0.4 MB, and a file is parsed whole in memory. The upload page refuses
 * a larger file before sending it, naming this limit.
 */
export const PLAN_FILE_MAX_MB = 10;
