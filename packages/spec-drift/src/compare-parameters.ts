import type { CompareContext } from "./context.js";
import { isRecord, stableStringify } from "./json.js";
import type { SchemaComparer } from "./schema-walk.js";

type Parameter = Record<string, unknown>;

/** Headers OpenAPI says to ignore as parameters (they are set by content negotiation and security). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/** Operation parameters keyed by identity; path parameters by position, so renaming `{id}` is no change. */
export function collectParameters(
  path: string,
  pathItem: Record<string, unknown>,
  op: Record<string, unknown>,
): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  const slots = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const list of [pathItem.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (!isRecord(p) || typeof p.name !== "string" || typeof p.in !== "string") continue;
      if (p.in === "header" && IGNORED_HEADERS.has(p.name.toLowerCase())) continue;
      const slot = p.in === "path" ? slots.indexOf(p.name) : -1;
      const key =
        p.in === "path" && slot >= 0
          ? `path:#${slot}`
          : `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`;
      out.set(key, p);
    }
  }
  return out;
}

/** The schema of a parameter, whether given as `schema` or as `content`. */
function schemaOf(p: Parameter): unknown {
  if (p.schema !== undefined) return p.schema;
  if (isRecord(p.content)) {
    const first = Object.values(p.content)[0];
    if (isRecord(first)) return first.schema;
  }
  return undefined;
}

function styleOf(p: Parameter): string {
  const style =
    typeof p.style === "string"
      ? p.style
      : p.in === "query" || p.in === "cookie"
        ? "form"
        : "simple";
  const explode = typeof p.explode === "boolean" ? p.explode : style === "form";
  return `${style}${explode ? "*" : ""}`;
}

/** Compares the parameters of one operation present in both documents. */
export function compareParameters(
  ctx: CompareContext,
  schemas: SchemaComparer,
  operation: string,
  base: Map<string, Parameter>,
  head: Map<string, Parameter>,
  /** Parameters the head declares on its path item (shared by every operation of the path). */
  headPathLevel: ReadonlySet<unknown> = new Set(),
): void {
  for (const key of new Set([...base.keys(), ...head.keys()])) {
    const b = base.get(key);
    const h = head.get(key);
    const p = (h ?? b) as Parameter;
    const label = `${String(p.in)} parameter ${String(p.name)}`;
    const loc = { operation, location: label };
    if (b && !h) {
      const sunset = typeof b["x-sunset"] === "string" ? b["x-sunset"] : undefined;
      // A sunset date promises the parameter stays until then.
      if (b.deprecated === true && sunset && Date.parse(sunset) > Date.now()) {
        ctx.emit("request-parameter-removed-before-sunset", {
          ...loc,
          message: `removed before its sunset date ${sunset}`,
          oasdiffIds: ["request-parameter-removed-before-sunset"],
        });
      } else {
        // removing a parameter announced as deprecated is what deprecation is for
        ctx.emit("request-parameter-removed", {
          ...loc,
          message: b.deprecated === true ? "removed after being deprecated" : "removed",
          oasdiffIds: [
            b.deprecated === true
              ? "request-parameter-removed-with-deprecation"
              : "request-parameter-removed",
          ],
        });
      }
      continue;
    }
    if (!b && h) {
      const required = h.required === true || h.in === "path";
      ctx.emit(required ? "request-parameter-added-required" : "request-parameter-added-optional", {
        ...loc,
        message: `added as ${required ? "required" : "optional"}`,
        oasdiffIds: [
          h.in === "path"
            ? "new-request-path-parameter"
            : headPathLevel.has(h)
              ? required
                ? "new-required-request-default-parameter-to-existing-path"
                : "new-optional-request-default-parameter-to-existing-path"
              : required
                ? "new-required-request-parameter"
                : "new-optional-request-parameter",
        ],
      });
      continue;
    }
    if (!b || !h) continue;
    const reqB = b.required === true || b.in === "path";
    const reqH = h.required === true || h.in === "path";
    if (reqB !== reqH) {
      ctx.emit(reqH ? "request-parameter-became-required" : "request-parameter-became-optional", {
        ...loc,
        message: reqH ? "became required" : "became optional",
        oasdiffIds: [
          reqH ? "request-parameter-became-required" : "request-parameter-became-optional",
        ],
      });
    }
    if (styleOf(b) !== styleOf(h)) {
      ctx.emit("request-parameter-style-changed", {
        ...loc,
        message: `serialisation changed from ${styleOf(b)} to ${styleOf(h)}`,
      });
    }
    if (Boolean(b.deprecated) !== Boolean(h.deprecated)) {
      ctx.emit("request-deprecated", {
        ...loc,
        message: h.deprecated ? "became deprecated" : "is no longer deprecated",
        oasdiffIds: [
          h.deprecated ? "request-parameter-deprecated" : "request-parameter-reactivated",
        ],
      });
    }
    if (
      stableStringify(b.description) !== stableStringify(h.description) ||
      stableStringify(b.example) !== stableStringify(h.example)
    ) {
      ctx.emit("request-docs-changed", {
        ...loc,
        message: "description or example changed",
      });
    }
    const sb = schemaOf(b);
    const sh = schemaOf(h);
    if (sb !== undefined || sh !== undefined) {
      schemas.compare(sb, sh, {
        operation,
        direction: "request",
        scope: "parameter",
        prefix: label,
        path: "",
        formExplode: h.in === "query" && styleOf(h) === "form*",
        parameterIn: String(h.in),
      });
    }
  }
}
