import type { CompareContext } from "./context.js";
import { isRecord, stableStringify } from "./json.js";
import type { OpenAPIDocument } from "./types.js";

type Requirement = Map<string, Set<string>>;

function requirements(value: unknown): Requirement[] {
  if (!Array.isArray(value) || value.length === 0) return [new Map()];
  return value
    .filter(isRecord)
    .map(
      (r) =>
        new Map(
          Object.entries(r).map(([k, scopes]) => [
            k,
            new Set(Array.isArray(scopes) ? scopes.map(String) : []),
          ]),
        ),
    );
}

/** `head` is satisfiable with the credentials of `base` when every scheme and scope it asks for, `base` had. */
function satisfiedBy(head: Requirement, base: Requirement): boolean {
  for (const [scheme, scopes] of head) {
    const had = base.get(scheme);
    if (!had || [...scopes].some((s) => !had.has(s))) return false;
  }
  return true;
}

/**
 * Compares the security an operation requires (its own, or the document's): a client whose
 * credentials met a base requirement that no head requirement accepts is stranded (breaking).
 */
export function compareOperationSecurity(
  ctx: CompareContext,
  operation: string,
  base: unknown,
  head: unknown,
): void {
  const rb = requirements(base);
  const rh = requirements(head);
  const loc = { operation, location: "security" };
  const stranded = rb.filter((b) => !rh.some((h) => satisfiedBy(h, b)));
  if (stranded.length > 0) {
    const describe = (r: Requirement) =>
      r.size === 0
        ? "no credentials"
        : [...r.entries()]
            .map(([k, s]) => (s.size ? `${k} [${[...s].join(", ")}]` : k))
            .join(" + ");
    ctx.emit("security-tightened", {
      ...loc,
      message: `clients authenticating with ${stranded.map(describe).join(" or ")} are no longer accepted`,
      oasdiffIds: ["api-security-added", "api-security-scope-added"],
    });
  } else if (normalizeRequirements(rb) !== normalizeRequirements(rh)) {
    ctx.emit("security-relaxed", {
      ...loc,
      message: "security requirements were relaxed",
      oasdiffIds: ["api-security-removed", "api-security-scope-removed"],
    });
  }
}

function normalizeRequirements(list: Requirement[]): string {
  return list
    .map((r) =>
      stableStringify(Object.fromEntries([...r].map(([k, scopes]) => [k, [...scopes].sort()]))),
    )
    .sort()
    .join("|");
}

/**
 * Compares the document's global `security` list as oasdiff does (requirements added, removed,
 * scopes added or removed), as document-wide changes. Whether a change strands clients is judged
 * per operation, where the global list applies (see `compareOperationSecurity`).
 */
export function compareGlobalSecurity(
  ctx: CompareContext,
  base: OpenAPIDocument,
  head: OpenAPIDocument,
): void {
  const keyed = (value: unknown) =>
    new Map(
      (Array.isArray(value) && value.length > 0 ? requirements(value) : []).map((r) => [
        [...r.keys()].sort().join(" + "),
        r,
      ]),
    );
  const kb = keyed(base.security);
  const kh = keyed(head.security);
  const at = { operation: "*", location: "security" };
  for (const [key, rh] of kh) {
    const rb = kb.get(key);
    if (!rb) {
      ctx.emit("security-global-changed", {
        ...at,
        message: `global security requirement ${key || "{}"} was added`,
        oasdiffIds: ["api-global-security-added"],
      });
      continue;
    }
    for (const [scheme, scopes] of rh) {
      const had = rb.get(scheme) ?? new Set<string>();
      for (const scope of scopes)
        if (!had.has(scope))
          ctx.emit("security-global-changed", {
            ...at,
            message: `scope ${scope} was added to global security requirement ${scheme}`,
            oasdiffIds: ["api-global-security-scope-added"],
          });
      for (const scope of had)
        if (!scopes.has(scope))
          ctx.emit("security-global-changed", {
            ...at,
            message: `scope ${scope} was removed from global security requirement ${scheme}`,
            oasdiffIds: ["api-global-security-scope-removed"],
          });
    }
  }
  for (const key of kb.keys())
    if (!kh.has(key))
      ctx.emit("security-global-changed", {
        ...at,
        message: `global security requirement ${key || "{}"} was removed`,
        oasdiffIds: ["api-global-security-removed"],
      });
}
