import { resolvePointer } from "@heygen-openapi/spec-tools";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Keywords that are documentation, which docs pages may word differently from the definition. */
const DOCS_TEXT = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
]);

/**
 * Compares every operation a cross-check document defines (a docs page's slice of the API) with
 * the same operation of the published definition: parameters, request body and responses, with
 * `$ref`s resolved in each document and docs text left out.
 * @param {Record<string, any>} checked the cross-check document
 * @param {Record<string, any>} published the published definition
 * @returns {{ operations: string[], differences: string[] }} the operations compared, and one
 *   line per difference naming the operation, the JSON pointer and both values
 */
export function crossCheck(checked, published) {
  const operations = [];
  const differences = [];
  for (const [path, item] of Object.entries(checked.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path}`;
      operations.push(key);
      const other = published.paths?.[path]?.[method];
      if (!other) {
        differences.push(`${key}: not in the published definition`);
        continue;
      }
      const here = normalize(checked, contract(op));
      const there = normalize(published, contract(other));
      for (const line of diff(here, there, "")) differences.push(`${key}: ${line}`);
    }
  }
  return { operations, differences };
}

/** @param {Record<string, any>} op */
function contract(op) {
  return { parameters: op.parameters, requestBody: op.requestBody, responses: op.responses };
}

/**
 * Resolves `$ref`s (a recursive one is kept as its pointer) and drops docs text.
 * @param {Record<string, any>} doc
 * @param {unknown} node
 * @param {string[]} [through] the refs being expanded, to stop at recursion
 * @returns {unknown}
 */
function normalize(doc, node, through = []) {
  if (Array.isArray(node)) return node.map((n) => normalize(doc, n, through));
  if (typeof node !== "object" || node === null) return node;
  const record = /** @type {Record<string, unknown>} */ (node);
  if (typeof record.$ref === "string") {
    if (through.includes(record.$ref)) return { $ref: record.$ref };
    return normalize(doc, resolvePointer(doc, record.$ref), [...through, record.$ref]);
  }
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of Object.keys(record).sort()) {
    if (!DOCS_TEXT.has(key)) out[key] = normalize(doc, record[key], through);
  }
  return out;
}

/**
 * @param {unknown} a
 * @param {unknown} b
 * @param {string} at
 * @returns {string[]}
 */
function diff(a, b, at) {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObject = (/** @type {unknown} */ v) =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObject(a) && isObject(b)) {
    const left = /** @type {Record<string, unknown>} */ (a);
    const right = /** @type {Record<string, unknown>} */ (b);
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.flatMap((k) => diff(left[k], right[k], `${at}/${k}`));
  }
  return [
    `${at || "/"}: ${JSON.stringify(a) ?? "absent"} here, ${JSON.stringify(b) ?? "absent"} published`,
  ];
}
