import { isRecord, stableStringify } from "./json.js";

/** A JSON Schema object after `$ref` resolution (booleans are turned into objects). */
export type Schema = Record<string, unknown>;

/**
 * What a schema accepts, with the spellings that mean the same thing made equal: `nullable: true`,
 * `type: [..., "null"]` and a `null` branch of `oneOf`/`anyOf` all set `nullable`; `allOf` is
 * merged into one set of keywords; a union left with a single branch is that branch.
 */
export interface SchemaView {
  /** The object this view describes; stable, so it can key cycle detection. */
  raw: Schema;
  /** Component name when the schema is `components.schemas[name]`. */
  name: string | undefined;
  /** Accepted non-null JSON types; `undefined` when unconstrained. */
  types: ReadonlySet<string> | undefined;
  nullable: boolean;
  /** Non-null enum values, when restricted. */
  enumValues: readonly unknown[] | undefined;
  /** `x-extensible-enum` values: clients must accept others in responses. */
  extensibleEnum: readonly unknown[] | undefined;
  constValue: { value: unknown } | undefined;
  properties: ReadonlyMap<string, Schema>;
  required: ReadonlySet<string>;
  /** `open` when any extra property is allowed, `closed` for `false`, else the schema extras must match. */
  additional: "open" | "closed" | Schema;
  items: Schema | undefined;
  prefixItems: readonly Schema[] | undefined;
  /** Two or more non-null alternatives (`oneOf`/`anyOf`), each merged with the keywords beside it. */
  branches: readonly Schema[] | undefined;
  /** Which keyword holds the alternatives: exactly one must match (`oneOf`) or at least one (`anyOf`). */
  unionKind: "oneOf" | "anyOf" | undefined;
  /** Every other keyword, after merging. */
  keywords: Schema;
}

const TRUE_SCHEMA: Schema = Object.freeze({}) as Schema;
const FALSE_SCHEMA: Schema = Object.freeze({ not: {} }) as Schema;
const UNION_KEYS = ["oneOf", "anyOf"] as const;
const LOWER_BOUNDS = new Set([
  "minimum",
  "exclusiveMinimum",
  "minLength",
  "minItems",
  "minProperties",
  "minContains",
]);
const UPPER_BOUNDS = new Set([
  "maximum",
  "exclusiveMaximum",
  "maxLength",
  "maxItems",
  "maxProperties",
  "maxContains",
]);

/** Keywords that only document a schema; they never change what it accepts. */
export const ANNOTATION_KEYS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "externalDocs",
  "xml",
  "$comment",
  "$id",
  "$schema",
  "$anchor",
  "$defs",
  "definitions",
  "deprecated",
  "discriminator",
  "readOnly",
  "writeOnly",
  "default",
]);

/** Turns any schema value (object, boolean, missing) into an object schema. */
export function asSchema(value: unknown): Schema {
  if (value === true || value === undefined) return TRUE_SCHEMA;
  if (value === false) return FALSE_SCHEMA;
  return isRecord(value) ? value : TRUE_SCHEMA;
}

/** Builds and caches schema views for one document (component names are per document). */
export class Normalizer {
  private readonly views = new WeakMap<Schema, SchemaView>();
  private readonly flattened = new WeakMap<Schema, Schema>();
  private readonly fingerprints = new WeakMap<Schema, string>();
  private readonly names: WeakMap<object, string>;

  constructor(names: WeakMap<object, string> = new WeakMap()) {
    this.names = names;
  }

  /** The view of a schema; the same object always gets the same view. */
  view(value: unknown): SchemaView {
    const raw = asSchema(value);
    const cached = this.views.get(raw);
    if (cached) return cached;
    const view = this.build(raw);
    this.views.set(raw, view);
    return view;
  }

  /** A string equal for two schemas that accept the same values (annotations ignored), within a few levels. */
  fingerprint(value: unknown, depth = 4): string {
    const raw = asSchema(value);
    if (depth === 4) {
      const cached = this.fingerprints.get(raw);
      if (cached !== undefined) return cached;
    }
    const text = this.computeFingerprint(raw, depth);
    if (depth === 4) this.fingerprints.set(raw, text);
    return text;
  }

  private computeFingerprint(raw: Schema, depth: number): string {
    if (depth <= 0) return "~";
    const v = this.view(raw);
    const child = (s: Schema | undefined) => (s ? this.fingerprint(s, depth - 1) : "");
    if (v.branches) {
      const parts = v.branches.map((b) => child(b)).sort();
      return `U(${v.nullable ? "null|" : ""}${parts.join("|")})`;
    }
    const props = [...v.properties.keys()]
      .sort()
      .map((k) => `${k}${v.required.has(k) ? "!" : ""}:${child(v.properties.get(k))}`);
    const extraRequired = [...v.required].filter((k) => !v.properties.has(k)).sort();
    const other: Record<string, unknown> = {};
    for (const [k, value] of Object.entries(v.keywords)) {
      if (!ANNOTATION_KEYS.has(k) && !k.startsWith("x-"))
        other[k] = isRecord(value) ? child(value) : value;
    }
    return [
      v.types ? [...v.types].sort().join(",") : "*",
      v.nullable ? "?" : "",
      v.enumValues
        ? `E${stableStringify([...v.enumValues].map((e) => stableStringify(e)).sort())}`
        : "",
      v.constValue ? `C${stableStringify(v.constValue.value)}` : "",
      props.length ? `P{${props.join(";")}}` : "",
      extraRequired.length ? `R${extraRequired.join(",")}` : "",
      v.additional === "open" ? "" : v.additional === "closed" ? "A-" : `A(${child(v.additional)})`,
      v.items ? `I(${child(v.items)})` : "",
      v.prefixItems ? `T(${v.prefixItems.map((s) => child(s)).join(",")})` : "",
      Object.keys(other).length ? stableStringify(other) : "",
    ].join("");
  }

  /** The keywords of a schema with `allOf` merged in (recursively). */
  flatten(raw: Schema, stack: Set<Schema> = new Set()): Schema {
    const cached = this.flattened.get(raw);
    if (cached) return cached;
    const allOf = raw.allOf;
    if (!Array.isArray(allOf) || stack.has(raw)) return raw;
    stack.add(raw);
    const { allOf: _ignored, ...own } = raw;
    const parts = [own, ...allOf.map((member) => this.flatten(asSchema(member), stack))];
    stack.delete(raw);
    const merged = mergeSchemas(parts);
    this.flattened.set(raw, merged);
    return merged;
  }

  private build(raw: Schema): SchemaView {
    const bag = this.flatten(raw);
    const union = this.unionOf(bag);
    if (union) {
      const { branches, nullable } = union;
      if (branches.length >= 2) {
        return {
          ...this.describe(raw, residualOf(bag), { branches, nullable }),
          unionKind: union.kind,
        };
      }
      const only = branches[0];
      if (only) {
        const single = hasConstraints(residualOf(bag))
          ? this.flatten(mergeSchemas([residualOf(bag), this.flatten(only)]))
          : this.flatten(only);
        const view = this.describe(raw, { ...annotationsOf(bag), ...single }, undefined);
        return nullable
          ? { ...view, nullable: true, name: view.name ?? this.names.get(only) }
          : { ...view, name: view.name ?? this.names.get(only) };
      }
      // Only null branches: the value is always null.
      return { ...this.describe(raw, { ...residualOf(bag), type: "null" }, undefined) };
    }
    return this.describe(raw, bag, undefined);
  }

  /** Expands `oneOf`/`anyOf` (nested ones too) into non-null branches plus a nullable flag. */
  private unionOf(
    bag: Schema,
    stack: Set<Schema> = new Set(),
  ): { branches: Schema[]; nullable: boolean; kind: "oneOf" | "anyOf" } | undefined {
    const key = UNION_KEYS.find((k) => Array.isArray(bag[k]));
    if (!key) return undefined;
    const residual = residualOf(bag);
    const withResidual = hasConstraints(residual);
    const branches: Schema[] = [];
    let nullable = false;
    for (const member of bag[key] as unknown[]) {
      const branch = asSchema(member);
      const flat = this.flatten(branch);
      if (isNullOnly(flat)) {
        nullable = true;
        continue;
      }
      if (flat.nullable === true) nullable = true;
      let nested: { branches: Schema[]; nullable: boolean } | undefined;
      if (!stack.has(flat)) {
        stack.add(flat);
        nested = this.unionOf(flat, stack);
      }
      if (nested) {
        nullable ||= nested.nullable;
        for (const b of nested.branches)
          branches.push(withResidual ? this.mergedBranch(residual, b) : b);
      } else {
        branches.push(withResidual ? this.mergedBranch(residual, branch) : branch);
      }
    }
    if (bag.nullable === true) nullable = true;
    return { branches, nullable, kind: key };
  }

  private readonly branchCache = new WeakMap<Schema, WeakMap<Schema, Schema>>();

  /** Merged (residual + branch) objects are cached so the same pair always yields the same object. */
  private mergedBranch(residual: Schema, branch: Schema): Schema {
    let inner = this.branchCache.get(residual);
    if (!inner) {
      inner = new WeakMap();
      this.branchCache.set(residual, inner);
    }
    let merged = inner.get(branch);
    if (!merged) {
      merged = mergeSchemas([residual, this.flatten(branch)]);
      const name = this.names.get(branch);
      if (name) this.names.set(merged, name);
      inner.set(branch, merged);
    }
    return merged;
  }

  private describe(
    raw: Schema,
    bag: Schema,
    union: { branches: Schema[]; nullable: boolean } | undefined,
  ): SchemaView {
    let nullable = bag.nullable === true || union?.nullable === true;
    let types: Set<string> | undefined;
    const type = bag.type;
    if (typeof type === "string" || Array.isArray(type)) {
      types = new Set(
        (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string"),
      );
      if (types.delete("null")) nullable = true;
    }
    let enumValues: unknown[] | undefined;
    if (Array.isArray(bag.enum)) {
      enumValues = bag.enum.filter((e) => e !== null);
      if (enumValues.length < bag.enum.length) nullable = true;
    }
    if (!types && !union) types = inferTypes(bag, enumValues);
    const properties = new Map<string, Schema>();
    if (isRecord(bag.properties))
      for (const [k, s] of Object.entries(bag.properties)) properties.set(k, asSchema(s));
    const required = new Set(
      Array.isArray(bag.required)
        ? bag.required.filter((r): r is string => typeof r === "string")
        : [],
    );
    const ap = bag.additionalProperties;
    const additional =
      ap === undefined || ap === true
        ? "open"
        : ap === false
          ? "closed"
          : isRecord(ap) && Object.keys(ap).length === 0
            ? "open"
            : asSchema(ap);
    const {
      type: _t,
      nullable: _n,
      enum: _e,
      const: _c,
      properties: _p,
      required: _r,
      additionalProperties: _a,
      items: _i,
      prefixItems: _pi,
      oneOf: _o,
      anyOf: _y,
      allOf: _l,
      "x-extensible-enum": _x,
      ...keywords
    } = bag;
    // OpenAPI 3.0 spells exclusive bounds as booleans beside minimum/maximum; 3.1 as numbers.
    for (const [flag, bound] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ] as const) {
      if (typeof keywords[flag] === "boolean") {
        if (keywords[flag] === true && typeof keywords[bound] === "number") {
          keywords[flag] = keywords[bound];
          delete keywords[bound];
        } else delete keywords[flag];
      }
    }
    const itemsValue = bag.items;
    let items: Schema | undefined;
    let prefixItems: Schema[] | undefined;
    if (Array.isArray(itemsValue)) prefixItems = itemsValue.map(asSchema);
    else if (itemsValue !== undefined) items = asSchema(itemsValue);
    if (Array.isArray(bag.prefixItems)) prefixItems = bag.prefixItems.map(asSchema);
    return {
      raw,
      name: this.names.get(raw),
      types,
      nullable,
      enumValues,
      extensibleEnum: Array.isArray(bag["x-extensible-enum"])
        ? bag["x-extensible-enum"]
        : undefined,
      constValue: "const" in bag ? { value: bag.const } : undefined,
      properties,
      required,
      additional,
      items,
      prefixItems,
      branches: union?.branches,
      unionKind: undefined,
      keywords,
    };
  }
}

function inferTypes(bag: Schema, enumValues: unknown[] | undefined): Set<string> | undefined {
  if (
    isRecord(bag.properties) ||
    Array.isArray(bag.required) ||
    bag.additionalProperties !== undefined
  )
    return new Set(["object"]);
  if (bag.items !== undefined || bag.prefixItems !== undefined) return new Set(["array"]);
  const values = enumValues ?? ("const" in bag && bag.const !== null ? [bag.const] : undefined);
  if (values && values.length > 0) {
    return new Set(
      values.map((v) =>
        Array.isArray(v)
          ? "array"
          : v === null
            ? "null"
            : Number.isInteger(v)
              ? "integer"
              : typeof v === "number"
                ? "number"
                : typeof v,
      ),
    );
  }
  return undefined;
}

function isNullOnly(schema: Schema): boolean {
  const type = schema.type;
  if (type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null"))
    return true;
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null)
    return true;
  return "const" in schema && schema.const === null && !("type" in schema);
}

/** The keywords beside `oneOf`/`anyOf`, which apply to every branch. */
function residualOf(bag: Schema): Schema {
  const { oneOf: _o, anyOf: _a, discriminator: _d, ...rest } = bag;
  return rest;
}

function annotationsOf(bag: Schema): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(bag)) if (ANNOTATION_KEYS.has(k)) out[k] = v;
  return out;
}

function hasConstraints(schema: Schema): boolean {
  return Object.keys(schema).some(
    (k) => !ANNOTATION_KEYS.has(k) && !k.startsWith("x-") && k !== "nullable",
  );
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const list = (t: unknown) =>
    (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
  const left = list(a);
  const right = list(b);
  const out: string[] = [];
  for (const t of left) {
    if (right.includes(t)) out.push(t);
    else if (t === "integer" && right.includes("number")) out.push("integer");
    else if (t === "number" && right.includes("integer")) out.push("integer");
  }
  return out.length === 1 ? out[0] : out;
}

/** Merges `allOf` members (and keywords beside them) into one schema: an intersection. */
export function mergeSchemas(parts: readonly Schema[]): Schema {
  const out: Schema = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (!(k in out)) {
        out[k] = v;
        continue;
      }
      const prev = out[k];
      if (k === "type") out.type = intersectTypes(prev, v);
      else if (k === "required" && Array.isArray(prev) && Array.isArray(v))
        out.required = [...new Set([...prev, ...v])];
      else if (k === "properties" && isRecord(prev) && isRecord(v)) {
        const props: Schema = { ...prev };
        for (const [name, s] of Object.entries(v))
          props[name] = name in props && props[name] !== s ? { allOf: [props[name], s] } : s;
        out.properties = props;
      } else if (k === "enum" && Array.isArray(prev) && Array.isArray(v)) {
        const keep = new Set(v.map((e) => stableStringify(e)));
        out.enum = prev.filter((e) => keep.has(stableStringify(e)));
      } else if (LOWER_BOUNDS.has(k) && typeof prev === "number" && typeof v === "number")
        out[k] = Math.max(prev, v);
      else if (UPPER_BOUNDS.has(k) && typeof prev === "number" && typeof v === "number")
        out[k] = Math.min(prev, v);
      else if (k === "nullable") out.nullable = prev === true || v === true;
      else if ((k === "items" || k === "additionalProperties") && prev !== v) {
        out[k] =
          prev === false || v === false
            ? false
            : isRecord(prev) && isRecord(v)
              ? { allOf: [prev, v] }
              : isRecord(prev)
                ? prev
                : v;
      }
      // Other keywords: the first (outermost) spelling wins.
    }
  }
  return out;
}

/** Whether `key` is a lower bound (raising it tightens) or an upper bound (lowering it tightens). */
export function boundKind(key: string): "lower" | "upper" | undefined {
  return LOWER_BOUNDS.has(key) ? "lower" : UPPER_BOUNDS.has(key) ? "upper" : undefined;
}
