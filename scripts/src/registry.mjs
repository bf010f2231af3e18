import { resolvePointer, SpecInputError } from "@heygen-openapi/spec-tools";
import { escapePointer } from "./merge.mjs";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {{ done: string[], failed: string[] }} JobStates
 * @typedef {{
 *   key: string, operationId: string, exportName: string, method: string, path: string,
 *   pathParams: string[], queryParams: string[], api: string, spec: "v2" | "v3",
 *   tag: string | null, deprecated: boolean,
 *   requestBody: { contentType: string, required: boolean } | null,
 *   statuses: number[],
 *   pagination: { limit: "limit", token: "token", items: "data", hasMore: "has_more", nextToken: "next_token" } | null,
 *   job: ({ statusField: "status" } & JobStates) | null,
 * }} RegistryEntry
 */

/**
 * Reads every operation of the bundled documents into registry entries: the facts the client,
 * the fake and the tests need at run time, each read from the spec (and its corrections), never
 * restated. Throws a SpecInputError naming the operation when the spec is inconsistent in a way
 * the registry cannot represent (an undeclared path parameter, a duplicate key or export name).
 * @param {Array<{ spec: "v2" | "v3", document: Record<string, any>, file: string }>} bundles
 * @returns {RegistryEntry[]}
 */
export function readRegistry(bundles) {
  /** @type {RegistryEntry[]} */
  const entries = [];
  const names = new Map();
  for (const { spec, document, file } of bundles) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of METHODS) {
        const operation = item?.[method];
        if (!operation) continue;
        const key = `${method.toUpperCase()} ${path}`;
        const pointer = `/paths/${escapePointer(path)}/${method}`;
        const fail = (/** @type {string} */ message) => {
          throw new SpecInputError(file, `${key}: ${message}`, { pointer });
        };
        if (typeof operation.operationId !== "string") fail("has no operationId");
        const exportName = camelCase(operation.operationId);
        if (names.has(exportName))
          fail(`its export name ${exportName} is also ${names.get(exportName)}'s`);
        names.set(exportName, key);
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
          resolve(document, p),
        );
        const declared = new Set(parameters.filter((p) => p.in === "path").map((p) => p.name));
        const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(
          (m) => /** @type {string} */ (m[1]),
        );
        for (const name of pathParams)
          if (!declared.has(name)) fail(`path parameter ${name} is not declared`);
        const queryParams = parameters.filter((p) => p.in === "query").map((p) => p.name);
        const body = operation.requestBody ? resolve(document, operation.requestBody) : undefined;
        const contentType = body ? Object.keys(body.content ?? {})[0] : undefined;
        const ok = successSchema(document, operation);
        entries.push({
          key,
          operationId: operation.operationId,
          exportName,
          method: method.toUpperCase(),
          path,
          pathParams,
          queryParams,
          api: /^\/(v\d+)\//.exec(path)?.[1] ?? spec,
          spec,
          tag: operation.tags?.[0] ?? null,
          deprecated: operation.deprecated === true,
          requestBody: contentType ? { contentType, required: body.required === true } : null,
          statuses: Object.keys(operation.responses ?? {})
            .filter((s) => /^\d{3}$/.test(s))
            .map(Number),
          pagination:
            method === "get" && isCursorList(document, queryParams, ok)
              ? {
                  limit: "limit",
                  token: "token",
                  items: "data",
                  hasMore: "has_more",
                  nextToken: "next_token",
                }
              : null,
          job: method === "get" ? jobStates(document, ok) : null,
        });
      }
    }
  }
  return entries;
}

/**
 * A cursor list takes `limit` and `token` and answers `data` (an array), `has_more` and
 * `next_token`, as HeyGen's v3 lists do.
 * @param {Record<string, any>} document
 * @param {string[]} query
 * @param {Record<string, any> | undefined} ok
 */
function isCursorList(document, query, ok) {
  if (!query.includes("limit") || !query.includes("token") || !ok?.properties) return false;
  const { data, has_more, next_token } = ok.properties;
  return Boolean(has_more && next_token && data && resolve(document, data).type === "array");
}

/**
 * A long-running resource read: its `data.status` carries the `x-heygen-job` annotation of the
 * corrections overlay, which lists the terminal states.
 * @param {Record<string, any>} document
 * @param {Record<string, any> | undefined} ok
 * @returns {RegistryEntry["job"]}
 */
function jobStates(document, ok) {
  const data = ok?.properties?.data && resolve(document, ok.properties.data);
  const status = data?.properties?.status;
  if (!status) return null;
  // The annotated status may sit behind a $ref or be one branch of a nullable anyOf.
  const candidates = [
    status,
    resolve(document, status),
    ...(status.anyOf ?? []),
    ...(status.oneOf ?? []),
  ];
  const annotation = candidates.map((c) => resolve(document, c)?.["x-heygen-job"]).find(Boolean);
  if (!annotation) return null;
  return { statusField: "status", done: [...annotation.done], failed: [...annotation.failed] };
}

/**
 * @param {Record<string, any>} document
 * @param {Record<string, any>} operation
 * @returns {Record<string, any> | undefined}
 */
function successSchema(document, operation) {
  const ok = operation.responses?.["200"] ?? operation.responses?.["201"];
  const schema = ok && resolve(document, ok).content?.["application/json"]?.schema;
  return schema ? resolve(document, schema) : undefined;
}

/**
 * Follows `$ref`s (the bundle has no cycles: bundleApi refuses them).
 * @param {Record<string, any>} document
 * @param {any} node
 */
function resolve(document, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
    if (hops > 64) throw new SpecInputError("bundle", `$ref chain too long at ${node.$ref}`);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

/**
 * `photo-avatar-details` -> `photoAvatarDetails`; `getVideoV3` stays.
 * @param {string} id
 */
export function camelCase(id) {
  return id
    .replace(/[-_ .]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase())
    .replace(/^[A-Z]/, (c) => c.toLowerCase());
}

/**
 * The schemas the overlay names as entities (`x-heygen-entity`), per document.
 * @param {Record<string, any>} document
 * @returns {Array<{ alias: string, schema: string }>}
 */
export function readEntities(document) {
  return Object.entries(document.components?.schemas ?? {})
    .filter(([, schema]) => typeof schema?.["x-heygen-entity"] === "string")
    .map(([schema, value]) => ({ alias: value["x-heygen-entity"], schema }));
}

const BANNER = [
  "/**",
  " * Generated by `pnpm generate` from specs/v2/openapi.json and specs/v3/openapi.json.",
  " * Do not edit: change the specs or their corrections overlay and regenerate.",
  " */",
  "",
].join("\n");

/**
 * Renders `packages/types/src/generated/registry.ts`: one `as const` descriptor per operation
 * (a named export, so a bundler keeps only the ones a program imports), the `operations` table
 * keyed by `"METHOD /path"`, and `OperationTypes`, which points each key into the generated
 * `paths` instead of restating any type.
 * @param {RegistryEntry[]} entries
 */
export function renderRegistry(entries) {
  const lines = [
    BANNER,
    'import type { paths as V2Paths } from "./v2.js";',
    'import type { paths as V3Paths } from "./v3.js";',
    'import type { OperationDescriptor } from "../operation.js";',
    "",
  ];
  for (const e of entries) {
    const { exportName, ...fields } = e;
    const doc = [`/** \`${e.key}\` (${e.operationId}${e.tag ? `, ${e.tag}` : ""}).`];
    if (e.deprecated) doc.push(" * @deprecated HeyGen's legacy API: use the /v3 operations.");
    lines.push(
      doc.length > 1 ? `${doc[0]}\n${doc[1]}\n */` : `${doc[0]} */`,
      `export const ${exportName} = ${literal(fields)} as const satisfies OperationDescriptor;`,
      "",
    );
  }
  lines.push(
    '/** Every operation of both bundled specs, keyed by `"METHOD /path"`. */',
    "export const operations = {",
    ...entries.map((e) => `  ${JSON.stringify(e.key)}: ${e.exportName},`),
    "} as const;",
    "",
    '/** A `"METHOD /path"` key of {@link operations}. */',
    "export type OperationKey = keyof typeof operations;",
    "",
    "/** The generated openapi-typescript operation type behind each key (parameters, requestBody, responses). */",
    "export interface OperationTypes {",
    ...entries.map(
      (e) =>
        `  ${JSON.stringify(e.key)}: ${e.spec === "v2" ? "V2Paths" : "V3Paths"}[${JSON.stringify(e.path)}][${JSON.stringify(e.method.toLowerCase())}];`,
    ),
    "}",
    "",
  );
  return lines.join("\n");
}

/**
 * A TypeScript object literal, one field a line, arrays and small objects inline.
 * @param {Record<string, unknown>} fields
 */
function literal(fields) {
  const body = Object.entries(fields).map(([k, v]) => `  ${k}: ${inline(v)},`);
  return `{\n${body.join("\n")}\n}`;
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function inline(value) {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${inline(v)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value);
}

/**
 * Renders `packages/types/src/generated/schemas.ts`: every component schema of both documents
 * under its own name, and the entity aliases the overlay names (`Video`, `Voice`, ...), each an
 * alias of the generated type. A name used by both documents is an error naming both.
 * @param {Array<{ spec: "v2" | "v3", document: Record<string, any>, file: string }>} bundles
 */
export function renderSchemas(bundles) {
  const lines = [
    BANNER,
    'import type { components as V2Components } from "./v2.js";',
    'import type { components as V3Components } from "./v3.js";',
    "",
  ];
  const owner = new Map();
  const claim = (
    /** @type {string} */ name,
    /** @type {string} */ by,
    /** @type {string} */ file,
  ) => {
    if (owner.has(name))
      throw new SpecInputError(file, `type name ${name} (${by}) is also ${owner.get(name)}`);
    owner.set(name, by);
  };
  for (const { spec, document, file } of bundles) {
    const components = spec === "v2" ? "V2Components" : "V3Components";
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      claim(name, `${spec} #/components/schemas/${name}`, file);
      const summary = (schema?.description ?? schema?.title ?? `The ${name} schema`)
        .split("\n")[0]
        .replace(/\*\//g, "*\\/");
      lines.push(
        `/** ${summary} (${spec} \`#/components/schemas/${name}\`). */`,
        `export type ${name} = ${components}["schemas"][${JSON.stringify(name)}];`,
        "",
      );
    }
    for (const { alias, schema } of readEntities(document)) {
      claim(alias, `the entity name of ${spec} ${schema}`, file);
      lines.push(
        `/** ${/^[AEIOU]/.test(alias) ? "An" : "A"} ${alias}: the ${spec} \`${schema}\` schema, named by the corrections overlay. */`,
        `export type ${alias} = ${schema};`,
        "",
      );
    }
  }
  return lines.join("\n");
}
