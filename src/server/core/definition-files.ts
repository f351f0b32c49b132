/**
 * Parsing of definition files (plan definitions, org units) in YAML or JSON with line numbers,
 * so that every problem can be reported as "line N: field: what is expected".
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { AppError, type ErrorDetail } from "./errors.js";
import { flattenUnionIssues, viOf } from "./http/validation.js";

const viLocale = z.locales.vi();

/**
 * YAML aliases a file may expand: enough to reuse a block, far too few for an alias bomb
 * ("billion laughs": nine levels of nine aliases expand to 387 million strings).
 */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedFile {
  data: unknown;
  /** Line (1-based) of the value at a path such as ["systems", 2, "code"], or of its nearest parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function parseDefinitionText(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const details: ErrorDetail[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return {
        line: pos?.line,
        column: pos?.col,
        message: `Dòng ${pos?.line ?? "?"}: lỗi cú pháp — ${e.message.split("\n")[0]}`,
        messageEn: `Line ${pos?.line ?? "?"}: syntax error — ${e.message.split("\n")[0]}`,
      };
    });
    throw new AppError(
      "PLAN_DEFINITION_INVALID",
      {
        count: details.length,
        first: details[0]?.message ?? "",
        firstEn: details[0]?.messageEn ?? details[0]?.message ?? "",
      },
      details,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml refuses a file whose aliases expand too far ("billion laughs") or point nowhere: the
    // file's fault, not ours.
    if (!(err instanceof ReferenceError)) throw err;
    const first = err.message.split("\n")[0] ?? "";
    throw invalidFile([
      /excessive alias/i.test(first)
        ? {
            message: `Tệp dùng quá nhiều bí danh YAML (alias *…, tối đa ${MAX_ALIAS_COUNT} lần mở rộng): hãy viết các giá trị ra trực tiếp`,
            messageEn: `The file uses too many YAML aliases (*…, at most ${MAX_ALIAS_COUNT} expansions): write the values out instead`,
          }
        : { message: `Bí danh YAML không hợp lệ — ${first}`, messageEn: `Invalid YAML alias — ${first}` },
    ]);
  }
  return {
    data,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

function describe(path: readonly PropertyKey[]): string {
  return path.map(String).join(".") || "(root)";
}

export function detailAt(
  file: ParsedFile,
  path: readonly PropertyKey[],
  vi: string,
  en: string,
): ErrorDetail {
  const line = file.lineOf(path);
  const where = describe(path);
  return {
    path: where,
    line,
    message: `${line ? `Dòng ${line}: ` : ""}${where}: ${vi}`,
    messageEn: `${line ? `Line ${line}: ` : ""}${where}: ${en}`,
  };
}

export function invalidFile(details: ErrorDetail[]): AppError {
  return new AppError(
    "PLAN_DEFINITION_INVALID",
    {
      count: details.length,
      first: details[0]?.message ?? "",
      firstEn: details[0]?.messageEn ?? details[0]?.message ?? "",
    },
    details,
  );
}

/** Validates parsed data with a zod schema, turning issues into line-numbered details. */
export function validateFile<S extends z.ZodType>(file: ParsedFile, schema: S): z.output<S> {
  const result = schema.safeParse(file.data);
  if (result.success) return result.data;
  const vi = schema.safeParse(file.data, { error: viLocale.localeError });
  const viIssues = vi.success ? [] : flattenUnionIssues(vi.error.issues);
  const details = flattenUnionIssues(result.error.issues)
    .flatMap((issue, i) =>
      // An unknown field is named by its own path (and line), one by one.
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) =>
            detailAt(
              file,
              [...issue.path, key],
              `không có trường “${key}” ở đây (hãy bỏ trường này hoặc sửa tên)`,
              `unknown field “${key}” (remove it or correct its name)`,
            ),
          )
        : [detailAt(file, issue.path, viOf(issue) ?? viIssues[i]?.message ?? issue.message, issue.message)],
    )
    .slice(0, 200);
  throw invalidFile(details);
}
