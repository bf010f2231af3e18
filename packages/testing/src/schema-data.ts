import type { Random } from "./random.js";
import type { JsonSchema } from "./spec-validation.js";

/** What {@link generateFromSchema} needs besides the schema. */
export interface DataContext {
  random: Random;
  /** Follows a `$ref` of the bundled spec. */
  resolve(node: JsonSchema): JsonSchema;
  /** The fake's clock, in Unix seconds (timestamps are a little before it). */
  nowSeconds: number;
}

const MAX_DEPTH = 8;
const DAY = 86_400;

/**
 * Builds a value that the schema accepts and that looks like HeyGen's data: ids are 32 hex
 * digits, URLs point at files with the right extension, `*_at` integers are Unix seconds and
 * `format: date-time` strings ISO 8601, enums take one of their values, strings with examples
 * take the example; every property is filled (no empty objects), arrays hold two items.
 * Deterministic for a given `random` sequence.
 */
export function generateFromSchema(
  schema: JsonSchema,
  context: DataContext,
  name = "",
  depth = 0,
): unknown {
  const node = context.resolve(schema);
  if ("const" in node) return node.const;
  const branches = (node.oneOf ?? node.anyOf) as JsonSchema[] | undefined;
  if (branches) {
    const concrete = branches.filter((b) => context.resolve(b).type !== "null");
    if (concrete.length === 0) return null;
    const pick = node.oneOf ? context.random.pick(concrete) : concrete[0]!;
    return generateFromSchema(pick, context, name, depth);
  }
  if (Array.isArray(node.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of node.allOf as JsonSchema[]) {
      const value = generateFromSchema(part, context, name, depth);
      if (typeof value === "object" && value !== null) Object.assign(merged, value);
    }
    return merged;
  }
  if (Array.isArray(node.enum) && node.enum.length > 0) {
    const values = node.enum.filter((v) => v !== null);
    return values.length > 0 ? context.random.pick(values) : null;
  }
  const type = typeOf(node);
  if (type === "null") return null;
  if (depth > MAX_DEPTH)
    return type === "array" ? [] : type === "object" ? {} : scalar(type, node, name, context);
  if (type === "array") {
    const items = (node.items ?? {}) as JsonSchema;
    const min = typeof node.minItems === "number" ? node.minItems : 0;
    const max = typeof node.maxItems === "number" ? node.maxItems : Number.POSITIVE_INFINITY;
    const count = Math.min(Math.max(2, min), max);
    return Array.from({ length: count }, () =>
      generateFromSchema(items, context, singular(name), depth + 1),
    );
  }
  if (type === "object") {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    const keys = Object.keys(properties);
    if (keys.length === 0) {
      const example = firstExample(node);
      return typeof example === "object" && example !== null ? structuredClone(example) : {};
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      // A success never carries an error: where `error` may be null, it is.
      out[key] =
        key === "error" && allowsNull(properties[key]!, context)
          ? null
          : generateFromSchema(properties[key]!, context, key, depth + 1);
    }
    return out;
  }
  return scalar(type, node, name, context);
}

function scalar(type: string, node: JsonSchema, name: string, context: DataContext): unknown {
  const { random } = context;
  const example = firstExample(node);
  if (type === "boolean") return typeof example === "boolean" ? example : random.next() < 0.5;
  if (type === "integer" || type === "number") {
    if (/(_at|_ts|timestamp)$/.test(name)) return context.nowSeconds - random.int(30 * DAY) - 60;
    const min = typeof node.minimum === "number" ? node.minimum : 0;
    const max =
      typeof node.maximum === "number"
        ? node.maximum
        : Math.max(min + 100, typeof example === "number" ? example * 2 : 100);
    if (typeof example === "number" && example >= min && example <= max) return example;
    const value = min + random.next() * (max - min);
    return type === "integer" ? Math.floor(value) : Math.round(value * 100) / 100;
  }
  // strings
  const format = typeof node.format === "string" ? node.format : "";
  if (format === "date-time" || (/(_at|_time)$/.test(name) && !/url/.test(name))) {
    return new Date((context.nowSeconds - random.int(30 * DAY) - 60) * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }
  if (format === "date")
    return new Date((context.nowSeconds - random.int(30 * DAY)) * 1000).toISOString().slice(0, 10);
  if (format === "email" || name === "email") return `user.${random.hex(6)}@example.com`;
  if (format === "uri" || format === "url" || /(^|_)url$/.test(name) || name === "url")
    return fileUrl(name, random);
  if (name === "id" || name.endsWith("_id") || name === "request_id") return random.hex(32);
  if (typeof example === "string") return example;
  const min = typeof node.minLength === "number" ? node.minLength : 1;
  const base = name === "" ? "value" : name.replace(/_/g, " ");
  const text = `${base[0]!.toUpperCase()}${base.slice(1)} ${random.hex(4)}`;
  return text.length >= min ? text : text.padEnd(min, "x");
}

/** Whether a schema accepts null (a null type, or a null branch of anyOf/oneOf). */
export function allowsNull(schema: JsonSchema, context: Pick<DataContext, "resolve">): boolean {
  const node = context.resolve(schema);
  if (node.type === "null" || (Array.isArray(node.type) && node.type.includes("null"))) return true;
  const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  return branches?.some((b) => allowsNull(b, context)) ?? false;
}

function typeOf(node: JsonSchema): string {
  const type = node.type;
  if (Array.isArray(type)) return (type.find((t) => t !== "null") as string | undefined) ?? "null";
  if (typeof type === "string") return type;
  if (node.properties) return "object";
  if (node.items) return "array";
  return "string";
}

function firstExample(node: JsonSchema): unknown {
  if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
  return node.example;
}

function singular(name: string): string {
  return name.endsWith("ies")
    ? `${name.slice(0, -3)}y`
    : name.endsWith("s")
      ? name.slice(0, -1)
      : name;
}

/** A HeyGen-style file URL whose extension fits the field (`video_url` -> `.mp4`). */
export function fileUrl(name: string, random: Random): string {
  const ext = /gif/.test(name)
    ? "gif"
    : /srt/.test(name)
      ? "srt"
      : /caption|subtitle|vtt/.test(name)
        ? "vtt"
        : /audio|voice|sound|speech/.test(name)
          ? "mp3"
          : /image|thumbnail|photo|avatar|cover/.test(name)
            ? "jpg"
            : /page|landing|doc/.test(name)
              ? "html"
              : "mp4";
  const host = ext === "html" ? "app.heygen.com/share" : "files2.heygen.ai/fake";
  return `https://${host}/${random.hex(32)}${ext === "html" ? "" : `.${ext}`}`;
}
