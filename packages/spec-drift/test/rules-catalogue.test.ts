import { describe, expect, it } from "vitest";
import { OASDIFF_RULES, RULES, type RuleId } from "../src/index.js";
import { SCHEMA_RULE_IDS } from "../src/oasdiff-rules.js";
import { levelOf } from "../src/rules.js";
import type { OpenAPIDocument } from "../src/types.js";
import { api, changesOf, obj, requestBody, responseBody, withParameters } from "./helpers.js";

const str = { type: "string" };
const ok = { "200": { description: "ok" } };

/** A document whose only operation is `POST /things` with the given request body object. */
const withBody = (requestBody?: unknown) =>
  api({ "/things": { post: { ...(requestBody ? { requestBody } : {}), responses: ok } } });
/** A document whose only operation is `GET /things` with the given responses. */
const withResponses = (responses: unknown) => api({ "/things": { get: { responses } } });
const xml = (schema: unknown, where: "request" | "response") =>
  where === "request"
    ? withBody({ content: { "application/xml": { schema } } })
    : withResponses({ "200": { description: "ok", content: { "application/xml": { schema } } } });

type Pair = [id: RuleId, base: OpenAPIDocument, head: OpenAPIDocument];

/** A document with only the given `components.securitySchemes`. */
const withSchemes = (securitySchemes: Record<string, unknown>): OpenAPIDocument => ({
  ...api({}),
  components: { securitySchemes },
});

const pairs: Pair[] = [
  [
    "operation-id-changed",
    api({ "/a": { get: { operationId: "one", responses: ok } } }),
    api({ "/a": { get: { operationId: "two", responses: ok } } }),
  ],
  [
    "request-parameter-removed-before-sunset",
    withParameters([
      { name: "legacy", in: "query", deprecated: true, "x-sunset": "2999-12-31", schema: str },
    ]),
    withParameters([]),
  ],
  [
    "request-body-added-required",
    withBody(),
    withBody({ required: true, content: { "application/json": { schema: str } } }),
  ],
  [
    "request-body-added-optional",
    withBody(),
    withBody({ content: { "application/json": { schema: str } } }),
  ],
  [
    "request-body-removed",
    withBody({ content: { "application/json": { schema: str } } }),
    withBody(),
  ],
  [
    "request-body-became-optional",
    withBody({ required: true, content: { "application/json": { schema: str } } }),
    withBody({ content: { "application/json": { schema: str } } }),
  ],
  [
    "request-docs-changed",
    withBody({ description: "old", content: {} }),
    withBody({ description: "new", content: {} }),
  ],
  [
    "response-status-added",
    withResponses(ok),
    withResponses({ ...ok, "404": { description: "missing" } }),
  ],
  [
    "response-docs-changed",
    withResponses({ "200": { description: "old" } }),
    withResponses({ "200": { description: "new" } }),
  ],
  [
    "response-media-type-added",
    withResponses({
      "200": { description: "ok", content: { "application/json": { schema: str } } },
    }),
    withResponses({
      "200": {
        description: "ok",
        content: { "application/json": { schema: str }, "text/csv": { schema: str } },
      },
    }),
  ],
  [
    "response-header-became-optional",
    withResponses({
      "200": { description: "ok", headers: { "X-Id": { required: true, schema: str } } },
    }),
    withResponses({ "200": { description: "ok", headers: { "X-Id": { schema: str } } } }),
  ],
  [
    "response-header-added",
    withResponses(ok),
    withResponses({ "200": { description: "ok", headers: { "X-Id": { schema: str } } } }),
  ],
  ["request-type-compatible", xml(str, "request"), xml({ type: "object" }, "request")],
  ["response-type-compatible", xml(str, "response"), xml({ type: "object" }, "response")],
  ["request-const-added", requestBody(str), requestBody({ type: "string", const: "v1" })],
  ["request-const-removed", requestBody({ type: "string", const: "v1" }), requestBody(str)],
  ["response-const-added", responseBody(str), responseBody({ type: "string", const: "v1" })],
  ["response-const-removed", responseBody({ type: "string", const: "v1" }), responseBody(str)],
  [
    "request-encoding-changed",
    requestBody({ type: "string", contentEncoding: "base64" }),
    requestBody({ type: "string", contentEncoding: "base32" }),
  ],
  [
    "response-encoding-changed",
    responseBody({ type: "string", contentMediaType: "image/png" }),
    responseBody({ type: "string", contentMediaType: "image/jpeg" }),
  ],
  [
    "request-format-changed",
    requestBody({ type: "string", format: "date" }),
    requestBody({ type: "string", format: "date-time" }),
  ],
  [
    "response-format-changed",
    responseBody({ type: "string", format: "date" }),
    responseBody({ type: "string", format: "date-time" }),
  ],
  ["response-became-enum", responseBody(str), responseBody({ type: "string", enum: ["a"] })],
  ["response-enum-removed", responseBody({ type: "string", enum: ["a"] }), responseBody(str)],
  [
    "response-constraint-changed",
    responseBody({ type: "string", pattern: "^a" }),
    responseBody({ type: "string", pattern: "^b" }),
  ],
  [
    "response-default-changed",
    responseBody(obj({ n: { type: "integer", default: 1 } })),
    responseBody(obj({ n: { type: "integer", default: 2 } })),
  ],
  [
    "request-access-changed",
    requestBody(obj({ id: str })),
    requestBody(obj({ id: { type: "string", readOnly: true } })),
  ],
  [
    "response-access-changed",
    responseBody(obj({ secret: str })),
    responseBody(obj({ secret: { type: "string", writeOnly: true } })),
  ],
  [
    "request-deprecated",
    requestBody(obj({ old: str })),
    requestBody(obj({ old: { type: "string", deprecated: true } })),
  ],
  [
    "response-deprecated",
    responseBody(obj({ old: str })),
    responseBody(obj({ old: { type: "string", deprecated: true } })),
  ],
  [
    "request-discriminator-changed",
    requestBody({ oneOf: [obj({ kind: { const: "a" } }), obj({ kind: { const: "b" } })] }),
    requestBody({
      oneOf: [obj({ kind: { const: "a" } }), obj({ kind: { const: "b" } })],
      discriminator: { propertyName: "kind" },
    }),
  ],
  [
    "response-discriminator-changed",
    responseBody({
      oneOf: [obj({ kind: { const: "a" } }), obj({ kind: { const: "b" } })],
      discriminator: { propertyName: "kind" },
    }),
    responseBody({
      oneOf: [obj({ kind: { const: "a" } }), obj({ kind: { const: "b" } })],
      discriminator: { propertyName: "type" },
    }),
  ],
  [
    "request-all-of-member-added",
    requestBody({ allOf: [obj({ a: str })] }),
    requestBody({ allOf: [obj({ a: str }), obj({ b: { type: "integer" } })] }),
  ],
  [
    "request-all-of-member-removed",
    requestBody({ allOf: [obj({ a: str }), obj({ b: { type: "integer" } })] }),
    requestBody({ allOf: [obj({ a: str })] }),
  ],
  [
    "response-all-of-member-added",
    responseBody({ allOf: [obj({ a: str })] }),
    responseBody({ allOf: [obj({ a: str }), obj({ b: { type: "integer" } })] }),
  ],
  [
    "response-all-of-member-removed",
    responseBody({ allOf: [obj({ a: str }), obj({ b: { type: "integer" } })] }),
    responseBody({ allOf: [obj({ a: str })] }),
  ],
  [
    "request-media-type-schema-added",
    withBody({ content: { "application/json": {} } }),
    withBody({ content: { "application/json": { schema: str } } }),
  ],
  [
    "request-media-type-schema-removed",
    withBody({ content: { "application/json": { schema: str } } }),
    withBody({ content: { "application/json": {} } }),
  ],
  [
    "response-media-type-schema-added",
    withResponses({ "200": { description: "ok", content: { "application/json": {} } } }),
    withResponses({
      "200": { description: "ok", content: { "application/json": { schema: str } } },
    }),
  ],
  [
    "response-media-type-schema-removed",
    withResponses({
      "200": { description: "ok", content: { "application/json": { schema: str } } },
    }),
    withResponses({ "200": { description: "ok", content: { "application/json": {} } } }),
  ],
  [
    "component-schema-removed",
    { ...api({}), components: { schemas: { Gone: str } } },
    { ...api({}), components: { schemas: {} } },
  ],
  [
    "security-global-changed",
    { ...api({}), security: [{ key: [] }] },
    { ...api({}), security: [{ key: [] }, { bearer: [] }] },
  ],
  [
    "security-scheme-added",
    withSchemes({}),
    withSchemes({ key: { type: "apiKey", in: "header", name: "x-api-key" } }),
  ],
  [
    "security-scheme-removed",
    withSchemes({ key: { type: "apiKey", in: "header", name: "x-api-key" } }),
    withSchemes({}),
  ],
  [
    "security-scheme-credentials-changed",
    withSchemes({ key: { type: "apiKey", in: "header", name: "x-api-key" } }),
    withSchemes({ key: { type: "apiKey", in: "header", name: "x-heygen-key" } }),
  ],
  [
    "security-scheme-changed",
    withSchemes({
      o: {
        type: "oauth2",
        flows: { implicit: { authorizationUrl: "https://a.example", scopes: {} } },
      },
    }),
    withSchemes({
      o: {
        type: "oauth2",
        flows: { implicit: { authorizationUrl: "https://b.example", scopes: {} } },
      },
    }),
  ],
  [
    "response-structure-relaxed",
    responseBody({ type: "array", items: str, contains: { const: "x" } }),
    responseBody({ type: "array", items: str }),
  ],
];

describe("every catalogued rule", () => {
  it.each(pairs)("%s fires with its catalogued level and direction", async (id, base, head) => {
    const rule = RULES[id];
    expect(rule).toBeDefined();
    const changes = await changesOf(base, head);
    const change = changes.find((c) => c.id === id);
    expect(change, `${id} not in ${changes.map((c) => c.id).join(", ")}`).toBeDefined();
    // oasdiff's level where the change maps to an oasdiff rule (unless we judge it differently)
    expect(change?.level).toBe(levelOf(rule, change?.oasdiffIds as never));
    for (const oasdiffId of change?.oasdiffIds ?? [])
      expect(OASDIFF_RULES).toHaveProperty(oasdiffId);
    expect(change?.direction).toBe(rule?.direction);
  });
});

describe("the registry", () => {
  /** The text of every `.ts` file of `dir` but `except`, one after another. */
  async function sources(dir: string, except?: string): Promise<string> {
    const { readdir, readFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    let text = "";
    for (const name of await readdir(dir))
      if (name.endsWith(".ts") && name !== except) text += await readFile(join(dir, name), "utf8");
    return text;
  }
  const srcDir = `${import.meta.dirname}/../src`;

  it("every catalogue id has a test and an emitter in src", async () => {
    const source = await sources(srcDir, "rules.ts");
    const tests = await sources(import.meta.dirname);
    for (const id of Object.keys(RULES)) {
      expect(tests, `${id} is asserted by no test`).toMatch(new RegExp(`["\` ]${id}["\`]`));
      expect(source, `${id} is emitted nowhere`).toContain(`"${id}"`);
    }
  });

  it("every oasdiff id in the table is one some emitter or schema-change mapping reports", async () => {
    const source = await sources(srcDir, "oasdiff-rules.ts");
    const mapped = new Set(
      Object.values(SCHEMA_RULE_IDS).flatMap((byScope) => Object.values(byScope) as string[]),
    );
    const unreported = Object.keys(OASDIFF_RULES).filter(
      (id) => !mapped.has(id) && !source.includes(`"${id}"`),
    );
    expect(unreported).toEqual([]);
  });

  it("every oasdiff id is spelled as oasdiff does and has oasdiff's level", () => {
    const levels = new Set(["breaking", "warning", "info"]);
    for (const [id, level] of Object.entries(OASDIFF_RULES)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(id).not.toMatch(/maximum|minimum|request-parameter-property-max-items/);
      expect(levels).toContain(level);
    }
  });
});
