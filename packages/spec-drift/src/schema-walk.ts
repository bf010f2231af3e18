import { CompareContext } from "./context.js";
import { isRecord, show, stableStringify } from "./json.js";
import type { SchemaView } from "./normalize.js";
import {
  type OasdiffId,
  type OasdiffScope,
  SCHEMA_RULE_IDS,
  type SchemaChangeKey,
} from "./oasdiff-rules.js";
import type { RuleId } from "./rules.js";
import { compareAllOf } from "./schema-all-of.js";
import { compareArray } from "./schema-arrays.js";
import { compareBoundsAndStrings } from "./schema-bounds.js";
import { compare2020Keywords } from "./schema-json2020.js";
import { compareListOfTypes } from "./schema-list-of-types.js";
import { compareObject } from "./schema-objects.js";
import { compareConst, compareEnums, compareTypes } from "./schema-types.js";
import { compareUnion } from "./schema-unions.js";
import type { Change } from "./types.js";

/** Where a schema sits: which operation, which side, and the path to it. */
export interface SchemaSite {
  operation: string;
  direction: "request" | "response";
  /** What the root schema describes (decides oasdiff rule scopes and parameter rules). */
  scope: "body" | "parameter" | "header";
  /** Human prefix of the location, e.g. `request body application/json`. */
  prefix: string;
  /** Property path below the root, e.g. `data.items[].name` (empty at the root). */
  path: string;
  /** Media type of the body; non-JSON bodies treat some type changes as compatible. */
  mediaType?: string;
  /** For a parameter: whether it is serialised `style: form, explode: true` (query default). */
  formExplode?: boolean;
  /** For a parameter: where it travels (`query`, `header`, `path`, `cookie`). */
  parameterIn?: string;
  /** For an object property: whether the base object lists it in `required`. */
  requiredInBase?: boolean;
  /** For an object property: readOnly in a request or writeOnly in a response (never exchanged). */
  hiddenProperty?: boolean;
}

/** One pair of schemas being compared: the context every keyword family works from. */
export interface SchemaStep {
  readonly walker: SchemaComparer;
  readonly vb: SchemaView;
  readonly vh: SchemaView;
  readonly site: SchemaSite;
  readonly depth: number;
}

/** What a change reports of oasdiff: a schema change named per scope, or one fixed oasdiff id. */
export type OasdiffRef = SchemaChangeKey | { id: OasdiffId };

/** Our rules that exist on both sides, by concept: the id for a request and for a response. */
const BY_DIRECTION = {
  "became-nullable": { request: "request-became-nullable", response: "response-became-nullable" },
  "became-not-nullable": {
    request: "request-became-not-nullable",
    response: "response-became-not-nullable",
  },
  "docs-changed": { request: "request-docs-changed", response: "response-docs-changed" },
  deprecated: { request: "request-deprecated", response: "response-deprecated" },
  "default-changed": { request: "request-default-changed", response: "response-default-changed" },
  "access-changed": { request: "request-access-changed", response: "response-access-changed" },
  "discriminator-changed": {
    request: "request-discriminator-changed",
    response: "response-discriminator-changed",
  },
  "branch-removed": { request: "request-branch-removed", response: "response-branch-removed" },
  "branch-added": { request: "request-branch-added", response: "response-branch-added" },
  "all-of-member-added": {
    request: "request-all-of-member-added",
    response: "response-all-of-member-added",
  },
  "all-of-member-removed": {
    request: "request-all-of-member-removed",
    response: "response-all-of-member-removed",
  },
  "type-compatible": { request: "request-type-compatible", response: "response-type-compatible" },
  "type-widened": { request: "request-type-widened", response: "response-type-widened" },
  "type-narrowed": { request: "request-type-narrowed", response: "response-type-narrowed" },
  "type-changed": { request: "request-type-changed", response: "response-type-changed" },
  "became-enum": { request: "request-became-enum", response: "response-became-enum" },
  "enum-removed": { request: "request-enum-removed", response: "response-enum-removed" },
  "enum-value-removed": {
    request: "request-enum-value-removed",
    response: "response-enum-value-removed",
  },
  "enum-value-added": {
    request: "request-enum-value-added",
    response: "response-enum-value-added",
  },
  "const-changed": { request: "request-const-changed", response: "response-const-changed" },
  "const-added": { request: "request-const-added", response: "response-const-added" },
  "const-removed": { request: "request-const-removed", response: "response-const-removed" },
  "property-became-required": {
    request: "request-property-became-required",
    response: "response-property-became-required",
  },
  "property-became-optional": {
    request: "request-property-became-optional",
    response: "response-property-became-optional",
  },
  "constraint-tightened": {
    request: "request-constraint-tightened",
    response: "response-constraint-tightened",
  },
  "constraint-relaxed": {
    request: "request-constraint-relaxed",
    response: "response-constraint-relaxed",
  },
  "constraint-changed": {
    request: "request-constraint-changed",
    response: "response-constraint-changed",
  },
  "format-changed": { request: "request-format-changed", response: "response-format-changed" },
  "encoding-changed": {
    request: "request-encoding-changed",
    response: "response-encoding-changed",
  },
} as const satisfies Record<string, { request: RuleId; response: RuleId }>;

/** A concept our catalogue has a request and a response rule for. */
export type Concept = keyof typeof BY_DIRECTION;

const MAX_DEPTH = 48;
const MAX_VISITS = 20_000;

interface CompareFlags {
  /** Branches of a union carry no nullability of their own (the union holds it). */
  ignoreNullable?: boolean;
}

/**
 * Compares two schemas in the role `site.direction` gives them: in a request a change that
 * rejects something once valid is breaking; in a response a change that lets through something
 * the client's types did not allow is breaking. This is the walker: it guards against cycles and
 * runaway sharing, and hands each pair to the keyword families (types, unions, objects, arrays,
 * bounds, JSON Schema 2020 keywords) as one `SchemaStep`.
 */
export class SchemaComparer {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private readonly visited = new Set<string>();
  private readonly stack = new Set<string>();
  private visits = 0;

  constructor(readonly ctx: CompareContext) {}

  /**
   * Compares `base` with `head` at `site` apart from this comparison and returns the changes found
   * there instead of reporting them (for keywords such as `not` whose inner changes mean the
   * opposite outside). Inner levels are oasdiff's where a change maps to one, so that they say
   * only whether the inner schema accepts more or less, not how we judge it.
   */
  collect(base: unknown, head: unknown, site: SchemaSite, depth: number): readonly Change[] {
    const scratch = new CompareContext(this.ctx.base, this.ctx.head, "oasdiff");
    new SchemaComparer(scratch).compare(base, head, site, depth + 1);
    return scratch.changes;
  }

  /** Compares `base` with `head` at `site`, reporting into the context. */
  compare(
    base: unknown,
    head: unknown,
    site: SchemaSite,
    depth = 0,
    flags: CompareFlags = {},
  ): void {
    if (depth > MAX_DEPTH) return;
    const vb = this.ctx.base.view(base);
    const vh = this.ctx.head.view(head);
    // A pair already on the path being compared is a cycle (recursive schemas): stop there.
    const pair = `${this.idOf(vb.raw)}:${this.idOf(vh.raw)}:${site.direction}:${flags.ignoreNullable ? 1 : 0}`;
    if (this.stack.has(pair)) return;
    // Shared schemas are compared again at each place they are used, so every affected location
    // is reported; past a budget (documents with heavy sharing) each pair is compared once per root.
    if (++this.visits > MAX_VISITS) {
      const once = `${pair}:${site.operation}:${site.prefix}`;
      if (this.visited.has(once)) return;
      this.visited.add(once);
    }
    this.stack.add(pair);
    try {
      this.compareNode({ walker: this, vb, vh, site, depth }, flags);
    } finally {
      this.stack.delete(pair);
    }
  }

  /** Compares two subschemas one level below `step`, at `site`. */
  descend(
    step: SchemaStep,
    base: unknown,
    head: unknown,
    site: SchemaSite,
    flags: CompareFlags = {},
  ) {
    this.compare(base, head, site, step.depth + 1, flags);
  }

  private compareNode(step: SchemaStep, flags: CompareFlags): void {
    const { vb, vh, site } = step;
    this.compareAnnotations(step);
    compareAllOf(step);
    if (!flags.ignoreNullable && vb.nullable !== vh.nullable) {
      const became = vh.nullable ? "became-nullable" : "became-not-nullable";
      // a parameter wrapped as `oneOf: [{type: null}, X]` is, to oasdiff, `null` added to its
      // list of types (it has no became-nullable finding for that spelling)
      const wrapped =
        vh.nullable && site.scope === "parameter" && site.path === "" && hasNullBranch(vh.raw);
      this.report(
        became,
        site,
        vh.nullable
          ? `${what(site)} may now be null`
          : site.direction === "request"
            ? `${what(site)} no longer accepts null`
            : `${what(site)} is never null any more`,
        wrapped ? { id: "request-parameter-list-of-types-widened" } : became,
      );
    }
    if ((vb.branches || vh.branches) && compareListOfTypes(step)) return;
    if (vb.branches || vh.branches) {
      compareUnion(step);
      return;
    }
    // Values first: a type change that also restricts to an enum or a const reports both.
    compareEnums(step);
    compareConst(step);
    if (!compareTypes(step)) return;
    compareObject(step);
    compareArray(step);
    compareBoundsAndStrings(step);
    compare2020Keywords(step);
  }

  private idOf(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(o, id);
    }
    return id;
  }

  /** Reports a change of `concept` on the side `site` is on. */
  report(
    concept: Concept,
    site: SchemaSite,
    message: string,
    oasdiff?: OasdiffRef,
    affectsTypes?: boolean,
    at?: string,
  ): void {
    this.emit(BY_DIRECTION[concept][site.direction], site, message, oasdiff, affectsTypes, at);
  }

  /**
   * Reports a change of one rule, with the oasdiff id `oasdiff` names at `site`'s scope, if any,
   * at `site`'s location or at `at` when the location is already written out.
   */
  emit(
    id: RuleId,
    site: SchemaSite,
    message: string,
    oasdiff?: OasdiffRef,
    affectsTypes?: boolean,
    at: string = location(site),
  ): void {
    const oasdiffId = oasdiffIdOf(oasdiff, site);
    this.ctx.emit(id, {
      operation: site.operation,
      location: at,
      message,
      ...(oasdiffId ? { oasdiffIds: [oasdiffId] } : {}),
      ...(affectsTypes === undefined ? {} : { affectsTypes }),
    });
  }

  private compareAnnotations(step: SchemaStep): void {
    const { vb, vh, site } = step;
    const kb = this.ctx.base.flatten(vb.raw);
    const kh = this.ctx.head.flatten(vh.raw);
    const docs = ["description", "title", "example", "examples"].filter(
      (k) => stableStringify(kb[k]) !== stableStringify(kh[k]),
    );
    if (docs.length > 0)
      this.report("docs-changed", site, `${docs.join(", ")} of ${what(site)} changed`);
    if (Boolean(kb.deprecated) !== Boolean(kh.deprecated)) {
      // oasdiff names deprecation of body properties (a parameter's own is named by its rules)
      const property = site.scope === "body" && site.path !== "";
      this.report(
        "deprecated",
        site,
        `${what(site)} ${kh.deprecated ? "became deprecated" : "is no longer deprecated"}`,
        property ? DEPRECATION_IDS[site.direction][kh.deprecated ? "set" : "unset"] : undefined,
      );
    }
    const inB = "default" in kb;
    const inH = "default" in kh;
    if (inB && inH ? stableStringify(kb.default) !== stableStringify(kh.default) : inB !== inH) {
      const message = `default of ${what(site)} changed from ${inB ? show(kb.default) : "none"} to ${inH ? show(kh.default) : "none"}`;
      const key = !inB
        ? "default-value-added"
        : !inH
          ? "default-value-removed"
          : "default-value-changed";
      if (site.scope === "parameter" && site.path === "" && site.direction === "request")
        this.emit("request-parameter-default-changed", site, message, key);
      else this.report("default-changed", site, message, key);
    }
    for (const flag of ["readOnly", "writeOnly"] as const) {
      if (Boolean(kb[flag]) !== Boolean(kh[flag]) && site.path) {
        // oasdiff names these for the properties of bodies, by whether the base required them
        const key =
          site.scope === "body" && site.requiredInBase !== undefined
            ? ACCESS_IDS[site.direction][site.requiredInBase ? "required" : "optional"][flag][
                kh[flag] ? "set" : "unset"
              ]
            : undefined;
        this.report(
          "access-changed",
          site,
          `${what(site)} ${kh[flag] ? "became" : "is no longer"} ${flag}`,
          key,
        );
      }
    }
    const db = kb.discriminator;
    const dh = kh.discriminator;
    if (stableStringify(db) !== stableStringify(dh)) {
      for (const { key, message } of discriminatorChanges(db, dh, what(site)))
        this.report("discriminator-changed", site, message, key);
    }
  }
}

/**
 * The discriminator changes oasdiff names, one per kind: added, removed, propertyName changed,
 * mapping keys added, mapping keys deleted, mapping values changed.
 */
function discriminatorChanges(
  b: unknown,
  h: unknown,
  subject: string,
): Array<{ key: SchemaChangeKey; message: string }> {
  if (b === undefined)
    return [{ key: "discriminator-added", message: `${subject} got a discriminator` }];
  if (h === undefined)
    return [{ key: "discriminator-removed", message: `${subject} lost its discriminator` }];
  const rb = isRecord(b) ? b : {};
  const rh = isRecord(h) ? h : {};
  const out: Array<{ key: SchemaChangeKey; message: string }> = [];
  if (rb.propertyName !== rh.propertyName) {
    out.push({
      key: "discriminator-property-name-changed",
      message: `discriminator property of ${subject} changed from ${show(rb.propertyName)} to ${show(rh.propertyName)}`,
    });
  }
  const mb = isRecord(rb.mapping) ? rb.mapping : {};
  const mh = isRecord(rh.mapping) ? rh.mapping : {};
  const added = Object.keys(mh).filter((k) => !(k in mb));
  const deleted = Object.keys(mb).filter((k) => !(k in mh));
  const changed = Object.keys(mb).filter(
    (k) => k in mh && stableStringify(mb[k]) !== stableStringify(mh[k]),
  );
  const names = (keys: string[]) => keys.map((k) => show(k)).join(", ");
  if (added.length > 0)
    out.push({
      key: "discriminator-mapping-added",
      message: `discriminator mapping of ${subject} gained ${names(added)}`,
    });
  if (deleted.length > 0)
    out.push({
      key: "discriminator-mapping-deleted",
      message: `discriminator mapping of ${subject} lost ${names(deleted)}`,
    });
  if (changed.length > 0)
    out.push({
      key: "discriminator-mapping-changed",
      message: `discriminator mapping of ${subject} now sends ${names(changed)} to another schema`,
    });
  if (out.length === 0)
    out.push({
      key: "discriminator-mapping-changed",
      message: `discriminator of ${subject} changed`,
    });
  return out;
}

/** Whether a schema's own `oneOf`/`anyOf` holds a `null` alternative. */
function hasNullBranch(raw: Record<string, unknown>): boolean {
  return ["oneOf", "anyOf"].some((key) => {
    const members = raw[key];
    return (
      Array.isArray(members) &&
      members.some(
        (m) =>
          isRecord(m) &&
          (m.type === "null" ||
            (Array.isArray(m.type) && m.type.length === 1 && m.type[0] === "null")),
      )
    );
  });
}

/** The scope oasdiff's ids name for a site. */
export function oasdiffScope(site: SchemaSite): OasdiffScope {
  if (site.scope === "parameter") {
    if (!site.path) return "request-parameter";
    return site.parameterIn === "header" ? "request-header-property" : "request-parameter-property";
  }
  if (site.scope === "header") return "response-header";
  if (site.direction === "request") {
    if (!site.path) return "request-body";
    return site.hiddenProperty ? "request-read-only-property" : "request-property";
  }
  if (!site.path) return "response-body";
  return site.hiddenProperty ? "response-write-only-property" : "response-property";
}

function oasdiffIdOf(ref: OasdiffRef | undefined, site: SchemaSite): OasdiffId | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === "object") return ref.id;
  const byScope: Partial<Record<OasdiffScope, OasdiffId>> = SCHEMA_RULE_IDS[ref];
  const scope = oasdiffScope(site);
  // a few ids are their own for a header's properties, a readOnly request property or a
  // writeOnly response property; the others are those of a parameter's or a body's properties
  const fallback = FALLBACK_SCOPE[scope];
  return byScope[scope] ?? (fallback ? byScope[fallback] : undefined);
}

const FALLBACK_SCOPE: Partial<Record<OasdiffScope, OasdiffScope>> = {
  "request-header-property": "request-parameter-property",
  "request-read-only-property": "request-property",
  "response-write-only-property": "response-property",
};

/** The location a change of `site` is reported at. */
export function location(site: SchemaSite): string {
  return site.path ? `${site.prefix}: ${site.path}` : site.prefix;
}

/** How a message names the value at `site`. */
export function what(site: SchemaSite): string {
  if (site.path) return `\`${site.path}\``;
  // the location already names the body, parameter or header
  return "the value";
}

/** A site one property, item or keyword below `site`. */
export function below(site: SchemaSite, path: string): SchemaSite {
  const { requiredInBase: _required, hiddenProperty: _hidden, ...rest } = site;
  return { ...rest, path };
}

/** oasdiff's ids for a body property that became deprecated or stopped being. */
const DEPRECATION_IDS = {
  request: {
    set: { id: "request-property-deprecated" },
    unset: { id: "request-property-reactivated" },
  },
  response: {
    set: { id: "response-property-deprecated" },
    unset: { id: "response-property-reactivated" },
  },
} as const satisfies Record<string, Record<"set" | "unset", OasdiffRef>>;

/** oasdiff's ids for a body property whose readOnly/writeOnly was set or unset. */
const ACCESS_IDS = {
  request: {
    required: {
      readOnly: {
        set: { id: "request-required-property-became-read-only" },
        unset: { id: "request-required-property-became-not-read-only" },
      },
      writeOnly: {
        set: { id: "request-required-property-became-write-only" },
        unset: { id: "request-required-property-became-not-write-only" },
      },
    },
    optional: {
      readOnly: {
        set: { id: "request-optional-property-became-read-only" },
        unset: { id: "request-optional-property-became-not-read-only" },
      },
      writeOnly: {
        set: { id: "request-optional-property-became-write-only" },
        unset: { id: "request-optional-property-became-not-write-only" },
      },
    },
  },
  response: {
    required: {
      readOnly: {
        set: { id: "response-required-property-became-read-only" },
        unset: { id: "response-required-property-became-not-read-only" },
      },
      writeOnly: {
        set: { id: "response-required-property-became-write-only" },
        unset: { id: "response-required-property-became-not-write-only" },
      },
    },
    optional: {
      readOnly: {
        set: { id: "response-optional-property-became-read-only" },
        unset: { id: "response-optional-property-became-not-read-only" },
      },
      writeOnly: {
        set: { id: "response-optional-property-became-write-only" },
        unset: { id: "response-optional-property-became-not-write-only" },
      },
    },
  },
} as const satisfies Record<
  "request" | "response",
  Record<
    "required" | "optional",
    Record<"readOnly" | "writeOnly", Record<"set" | "unset", OasdiffRef>>
  >
>;
