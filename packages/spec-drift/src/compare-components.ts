import type { CompareContext } from "./context.js";
import { isRecord, show, stableStringify } from "./json.js";
import type { OpenAPIDocument } from "./types.js";

type Scheme = Record<string, unknown>;

const SCOPE_IDS = {
  added: "api-security-component-oauth-scope-added",
  removed: "api-security-component-oauth-scope-removed",
  changed: "api-security-component-oauth-scope-changed",
} as const;

/** Where document-wide changes are reported (`Change.operation`). */
const DOCUMENT = "*";

/**
 * Names the schemas removed from `components.schemas` (oasdiff's `api-schema-removed`): what the
 * operations that used one lose is reported at those operations; code that names its generated
 * type (`components["schemas"]["Name"]`) stops compiling.
 */
export function compareComponentSchemas(
  ctx: CompareContext,
  base: OpenAPIDocument,
  head: OpenAPIDocument,
): void {
  const sb = componentsOf(base, "schemas");
  const sh = componentsOf(head, "schemas");
  for (const name of Object.keys(sb)) {
    if (name in sh) continue;
    ctx.emit("component-schema-removed", {
      operation: DOCUMENT,
      location: `components.schemas.${name}`,
      message: `schema ${name} was removed`,
      oasdiffIds: ["api-schema-removed"],
    });
  }
}

/**
 * Compares `components.securitySchemes` (oasdiff's `APIComponentsSecurityUpdatedCheck`): schemes
 * added and removed, a scheme whose credentials travel differently (type, apiKey name or place,
 * http scheme), and OAuth flow URLs and scopes.
 */
export function compareSecuritySchemes(
  ctx: CompareContext,
  base: OpenAPIDocument,
  head: OpenAPIDocument,
): void {
  const sb = componentsOf(base, "securitySchemes");
  const sh = componentsOf(head, "securitySchemes");
  for (const name of new Set([...Object.keys(sb), ...Object.keys(sh)])) {
    const location = `components.securitySchemes.${name}`;
    const b = sb[name];
    const h = sh[name];
    if (!b && h) {
      ctx.emit("security-scheme-added", {
        operation: DOCUMENT,
        location,
        message: `security scheme ${name} was added`,
        oasdiffIds: ["api-security-component-added"],
      });
    } else if (b && !h) {
      ctx.emit("security-scheme-removed", {
        operation: DOCUMENT,
        location,
        message: `security scheme ${name} was removed`,
        oasdiffIds: ["api-security-component-removed"],
      });
    } else if (b && h) compareScheme(ctx, name, location, b, h);
  }
}

function compareScheme(
  ctx: CompareContext,
  name: string,
  location: string,
  b: Scheme,
  h: Scheme,
): void {
  if (b.type !== h.type) {
    ctx.emit("security-scheme-credentials-changed", {
      operation: DOCUMENT,
      location,
      message: `security scheme ${name} changed type from ${show(b.type)} to ${show(h.type)}`,
      oasdiffIds: ["api-security-component-type-changed"],
    });
    return;
  }
  for (const key of ["in", "name", "scheme"] as const) {
    if (b[key] === h[key]) continue;
    ctx.emit("security-scheme-credentials-changed", {
      operation: DOCUMENT,
      location,
      message: `security scheme ${name} changed ${key} from ${show(b[key])} to ${show(h[key])}`,
    });
  }
  const fb = isRecord(b.flows) ? b.flows : {};
  const fh = isRecord(h.flows) ? h.flows : {};
  for (const flow of new Set([...Object.keys(fb), ...Object.keys(fh)])) {
    const xb = fb[flow];
    const xh = fh[flow];
    if (!isRecord(xb) || !isRecord(xh)) {
      if (stableStringify(xb) !== stableStringify(xh))
        ctx.emit("security-scheme-changed", {
          operation: DOCUMENT,
          location: `${location}.flows.${flow}`,
          message: `OAuth flow ${flow} of security scheme ${name} was ${isRecord(xh) ? "added" : "removed"}`,
        });
      continue;
    }
    compareFlow(ctx, name, `${location}.flows.${flow}`, xb, xh);
  }
}

function compareFlow(
  ctx: CompareContext,
  name: string,
  location: string,
  b: Scheme,
  h: Scheme,
): void {
  const urls = [
    ["authorizationUrl", "api-security-component-oauth-url-changed"],
    ["tokenUrl", "api-security-component-oauth-token-url-changed"],
    ["refreshUrl", undefined],
  ] as const;
  for (const [key, oasdiffId] of urls) {
    if (b[key] === h[key]) continue;
    ctx.emit("security-scheme-changed", {
      operation: DOCUMENT,
      location,
      message: `${key} of security scheme ${name} changed from ${show(b[key])} to ${show(h[key])}`,
      ...(oasdiffId ? { oasdiffIds: [oasdiffId] } : {}),
    });
  }
  const sb = isRecord(b.scopes) ? b.scopes : {};
  const sh = isRecord(h.scopes) ? h.scopes : {};
  for (const scope of new Set([...Object.keys(sb), ...Object.keys(sh)])) {
    const verb = !(scope in sb) ? "added" : !(scope in sh) ? "removed" : "changed";
    if (verb === "changed" && sb[scope] === sh[scope]) continue;
    ctx.emit("security-scheme-changed", {
      operation: DOCUMENT,
      location,
      message: `scope ${scope} of security scheme ${name} was ${verb}`,
      oasdiffIds: [SCOPE_IDS[verb]],
    });
  }
}

/** The object-valued entries of one `components` section. */
function componentsOf(doc: OpenAPIDocument, section: string): Record<string, Scheme> {
  const components = isRecord(doc.components) ? doc.components : {};
  const entries = isRecord(components[section]) ? components[section] : {};
  const out: Record<string, Scheme> = {};
  for (const [name, value] of Object.entries(entries)) if (isRecord(value)) out[name] = value;
  return out;
}
