// Rules that follow oasdiff's checks one for one, each from a minimal spec pair: the change we
// report, its level, and the oasdiff id it carries.
import { describe, expect, it } from "vitest";
import { type Change, compareSpecs } from "../src/index.js";
import type { OpenAPIDocument } from "../src/types.js";
import { api, changesOf, obj, requestBody, responseBody, withParameters } from "./helpers.js";

const str = { type: "string" };

/** `level id [oasdiff ids]` of each change, for compact assertions. */
function named(changes: readonly Change[]): string[] {
  return changes.map((c) => `${c.level} ${c.id} [${(c.oasdiffIds ?? []).join(",")}]`);
}

describe("list of types (one type <-> oneOf/anyOf of plain types)", () => {
  it("a response property becoming one of two types is widened, breaking", async () => {
    const changes = await changesOf(
      responseBody(obj({ id: str })),
      responseBody(obj({ id: { oneOf: [str, { type: "integer" }] } })),
    );
    expect(named(changes)).toEqual([
      "breaking response-type-widened [response-property-list-of-types-widened]",
    ]);
    expect(changes[0]?.affectsTypes).toBe(true);
  });

  it("a request property losing a type is narrowed, breaking; gaining one is info", async () => {
    const list = obj({ v: { anyOf: [str, { type: "number" }, { type: "boolean" }] } });
    const single = obj({ v: str });
    expect(named(await changesOf(requestBody(list), requestBody(single)))).toEqual([
      "breaking request-type-narrowed [request-property-list-of-types-narrowed]",
    ]);
    expect(named(await changesOf(requestBody(single), requestBody(list)))).toEqual([
      "info request-type-widened [request-property-list-of-types-widened]",
    ]);
  });

  it("names parameters and their properties with the parameter ids", async () => {
    const param = (schema: unknown) => withParameters([{ name: "q", in: "query", schema }]);
    const list = { oneOf: [str, { type: "integer" }] };
    expect(named(await changesOf(param(list), param(str)))).toEqual([
      "breaking request-type-narrowed [request-parameter-list-of-types-narrowed]",
    ]);
    expect(named(await changesOf(param(obj({ mode: list })), param(obj({ mode: str }))))).toEqual([
      "breaking request-type-narrowed [request-parameter-property-list-of-types-narrowed]",
    ]);
  });

  it("still compares the constraints of the type both sides keep", async () => {
    const changes = await changesOf(
      requestBody(obj({ v: { oneOf: [{ type: "string", maxLength: 10 }, { type: "integer" }] } })),
      requestBody(obj({ v: { type: "string", maxLength: 5 } })),
    );
    expect(named(changes)).toContain(
      "breaking request-constraint-tightened [request-property-max-length-decreased]",
    );
  });

  it("leaves alternatives that are objects to the union rules", async () => {
    const changes = await changesOf(
      responseBody(obj({ v: str })),
      responseBody(obj({ v: { oneOf: [str, obj({ a: str })] } })),
    );
    expect(changes.some((c) => c.oasdiffIds?.some((id) => id.includes("list-of-types")))).toBe(
      false,
    );
  });
});

describe("maxItems on the items of an array parameter", () => {
  const param = (maxItems: number) =>
    withParameters([
      { name: "tag", in: "query", schema: { type: "array", items: { type: "string", maxItems } } },
    ]);

  it("is read as the parameter's maxItems, as oasdiff reads it", async () => {
    expect(named(await changesOf(param(10), param(20)))).toEqual([
      "info request-constraint-relaxed [request-parameter-max-items-increased]",
    ]);
    expect(named(await changesOf(param(20), param(10)))).toEqual([
      "breaking request-constraint-tightened [request-parameter-max-items-decreased]",
    ]);
  });
});

describe("alternatives added to an anyOf", () => {
  const breed = (name: string) => ({ ...obj({ name: str }), "x-name": name });

  it("names an alternative equal to an existing one with oasdiff's id, as documentation", async () => {
    const changes = await changesOf(
      requestBody(obj({ breed: { anyOf: [breed("one"), breed("two")] } })),
      requestBody(obj({ breed: { anyOf: [breed("one"), breed("two"), breed("three")] } })),
    );
    expect(named(changes)).toEqual(["info request-docs-changed [request-property-any-of-added]"]);
    expect(changes[0]?.message).toContain("accepts the same values as an existing one");
    expect(changes[0]?.affectsTypes).toBe(false);
  });

  it("keeps an alternative equal to one of a oneOf as documentation: it accepts nothing new", async () => {
    const changes = await changesOf(
      responseBody({ oneOf: [breed("one"), obj({ size: { type: "integer" } })] }),
      responseBody({ oneOf: [breed("one"), obj({ size: { type: "integer" } }), breed("two")] }),
    );
    expect(named(changes)).toEqual(["info response-docs-changed []"]);
  });
});

describe("allOf parts (a list edit when both sides have an allOf)", () => {
  const dog = obj({ name: str });
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const withComponents = (doc: OpenAPIDocument, schemas: Record<string, unknown>) => ({
    ...doc,
    components: { schemas },
  });
  const schemas = { Dog: dog, Cat: obj({ name: str }), Rabbit: obj({ name: str }) };

  it("names a part added to a request body, breaking, even when it reads like another", async () => {
    const changes = await changesOf(
      withComponents(requestBody({ allOf: [ref("Dog"), ref("Cat")] }), schemas),
      withComponents(requestBody({ allOf: [ref("Dog"), ref("Cat"), ref("Rabbit")] }), schemas),
    );
    expect(named(changes)).toEqual([
      "breaking request-all-of-member-added [request-body-all-of-added]",
    ]);
    expect(changes[0]?.message).toContain("`Rabbit`");
  });

  it("names a part removed from a request property as a warning, from a response as info", async () => {
    const base = obj({ breed: { allOf: [ref("Dog"), ref("Cat")] } });
    const head = obj({ breed: { allOf: [ref("Dog")] } });
    expect(
      named(
        await changesOf(
          withComponents(requestBody(base), schemas),
          withComponents(requestBody(head), schemas),
        ),
      ),
    ).toEqual(["warning request-all-of-member-removed [request-property-all-of-removed]"]);
    expect(
      named(
        await changesOf(
          withComponents(responseBody(base), schemas),
          withComponents(responseBody(head), schemas),
        ),
      ),
    ).toEqual(["info response-all-of-member-removed [response-property-all-of-removed]"]);
  });

  it("pairs a single modified inline part and compares what it requires", async () => {
    const changes = await changesOf(
      requestBody({ allOf: [dog, obj({ size: { type: "integer", maximum: 9 } })] }),
      requestBody({ allOf: [dog, obj({ size: { type: "integer", maximum: 5 } })] }),
    );
    expect(named(changes)).toEqual([
      "breaking request-constraint-tightened [request-property-max-decreased]",
    ]);
  });

  it("names an annotation-only part at info, even on a schema that had no allOf", async () => {
    const changes = await changesOf(
      responseBody(obj({ a: str })),
      responseBody(obj({ a: { ...str, allOf: [{ title: "note", description: "docs only" }] } })),
    );
    // the merged title and description are a documentation change of their own
    expect(named(changes)).toEqual([
      "info response-docs-changed []",
      "info response-all-of-member-added [response-property-all-of-added-annotation-only]",
    ]);
    expect(changes[1]?.affectsTypes).toBe(false);
  });

  it("reports nothing for a schema split into an allOf that accepts the same values", async () => {
    const whole = requestBody(obj({ a: str, b: { type: "integer" } }, ["a"]));
    const split = requestBody({ allOf: [obj({ a: str }, ["a"]), obj({ b: { type: "integer" } })] });
    expect(await changesOf(whole, split)).toEqual([]);
  });
});

describe("discriminator mappings", () => {
  const pet = (mapping: Record<string, string>) =>
    requestBody({
      oneOf: [obj({ kind: str }, ["kind"]), obj({ kind: str, size: str }, ["kind"])],
      discriminator: { propertyName: "kind", mapping },
    });

  it("names keys added, keys deleted and values changed, one change each", async () => {
    const changes = await changesOf(
      pet({ cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" }),
      pet({ cats: "#/components/schemas/Cat", dog: "#/components/schemas/Hound" }),
    );
    expect(named(changes)).toEqual([
      "info request-discriminator-changed [request-body-discriminator-mapping-added]",
      "info request-discriminator-changed [request-body-discriminator-mapping-deleted]",
      "info request-discriminator-changed [request-body-discriminator-mapping-changed]",
    ]);
    expect(changes.map((c) => c.message)).toEqual([
      'discriminator mapping of the value gained "cats"',
      'discriminator mapping of the value lost "cat"',
      'discriminator mapping of the value now sends "dog" to another schema',
    ]);
  });
});

describe("components.securitySchemes", () => {
  const withSchemes = (securitySchemes: Record<string, unknown>): OpenAPIDocument => ({
    ...requestBody(str),
    components: { securitySchemes },
  });
  const apiKey = { type: "apiKey", in: "header", name: "x-api-key" };
  const oauth = (tokenUrl: string, scopes: Record<string, string>) => ({
    type: "oauth2",
    flows: { clientCredentials: { tokenUrl, scopes } },
  });

  it("names schemes added and removed, document-wide", async () => {
    const added = await changesOf(
      withSchemes({ apiKey }),
      withSchemes({ apiKey, basic: { type: "http", scheme: "basic" } }),
    );
    expect(named(added)).toEqual(["info security-scheme-added [api-security-component-added]"]);
    expect(added[0]?.operation).toBe("*");
    expect(added[0]?.location).toBe("components.securitySchemes.basic");
    expect(named(await changesOf(withSchemes({ apiKey }), withSchemes({})))).toEqual([
      "info security-scheme-removed [api-security-component-removed]",
    ]);
  });

  it("calls credentials that travel differently breaking; oasdiff's level is INFO", async () => {
    const moved = await changesOf(
      withSchemes({ apiKey }),
      withSchemes({ apiKey: { ...apiKey, in: "query", name: "api_key" } }),
    );
    expect(named(moved)).toEqual([
      "breaking security-scheme-credentials-changed []",
      "breaking security-scheme-credentials-changed []",
    ]);
    expect(moved.map((c) => c.message)).toEqual([
      'security scheme apiKey changed in from "header" to "query"',
      'security scheme apiKey changed name from "x-api-key" to "api_key"',
    ]);
    const retyped = await changesOf(
      withSchemes({ auth: apiKey }),
      withSchemes({ auth: { type: "http", scheme: "bearer" } }),
    );
    expect(named(retyped)).toEqual([
      "breaking security-scheme-credentials-changed [api-security-component-type-changed]",
    ]);
    const asOasdiff = await compareSpecs(
      withSchemes({ auth: apiKey }),
      withSchemes({ auth: { type: "http", scheme: "bearer" } }),
      { levels: "oasdiff" },
    );
    expect(asOasdiff.changes[0]?.level).toBe("info");
  });

  it("names OAuth token URLs and scopes", async () => {
    const changes = await changesOf(
      withSchemes({ o: oauth("https://a.example/token", { read: "Read", write: "Write" }) }),
      withSchemes({ o: oauth("https://b.example/token", { read: "Read all", admin: "Admin" }) }),
    );
    expect(named(changes)).toEqual([
      "info security-scheme-changed [api-security-component-oauth-token-url-changed]",
      "info security-scheme-changed [api-security-component-oauth-scope-changed]",
      "info security-scheme-changed [api-security-component-oauth-scope-removed]",
      "info security-scheme-changed [api-security-component-oauth-scope-added]",
    ]);
  });
});

describe("a property is its schema under `properties`", () => {
  it("a schema removed while its name moves to `required` is a property removed (and a requiredness)", async () => {
    const base = obj({ name: str, test: { type: "string", writeOnly: false } }, ["name"]);
    const head = obj({ name: str }, ["name", "test"]);
    expect(named(await changesOf(requestBody(base), requestBody(head)))).toEqual([
      "breaking request-property-became-required [request-property-became-required]",
      "warning request-property-removed [request-property-removed]",
    ]);
    expect(named(await changesOf(responseBody(base), responseBody(head)))).toEqual([
      "warning response-optional-property-removed [response-optional-property-removed]",
      "info response-property-became-required [response-property-became-required]",
    ]);
  });
});

describe("readOnly and writeOnly of a required response property", () => {
  const body = (flags: Record<string, boolean>) =>
    responseBody(obj({ id: str, secret: { ...str, ...flags } }, ["id", "secret"]));

  it("names a required property that is no longer writeOnly as a warning (it may be missing)", async () => {
    const changes = await changesOf(body({ writeOnly: true }), body({ writeOnly: false }));
    expect(named(changes)).toContain(
      "warning response-access-changed [response-required-property-became-not-write-only]",
    );
  });

  it("names the others at info, for required and optional body properties alike", async () => {
    expect(named(await changesOf(body({}), body({ readOnly: true })))).toEqual([
      "info response-access-changed [response-required-property-became-read-only]",
    ]);
    const optional = (flags: Record<string, boolean>) =>
      responseBody(obj({ secret: { ...str, ...flags } }));
    expect(named(await changesOf(optional({}), optional({ readOnly: true })))).toEqual([
      "info response-access-changed [response-optional-property-became-read-only]",
    ]);
    const request = (flags: Record<string, boolean>) =>
      requestBody(obj({ secret: { ...str, ...flags } }, ["secret"]));
    expect(named(await changesOf(request({}), request({ writeOnly: true })))).toEqual([
      "info request-access-changed [request-required-property-became-write-only]",
    ]);
    // a parameter's object properties have no such oasdiff id
    const param = (flags: Record<string, boolean>) =>
      withParameters([{ name: "f", in: "query", schema: obj({ a: { ...str, ...flags } }) }]);
    expect(named(await changesOf(param({}), param({ readOnly: true })))).toEqual([
      "warning request-access-changed []",
    ]);
  });
});

describe("a request property with a default becoming required", () => {
  it("is still breaking (a request without it is invalid), under oasdiff's with-default id", async () => {
    const changes = await changesOf(
      requestBody({ type: "array", items: obj({ id: str }) }),
      requestBody({ type: "array", items: obj({ id: { ...str, default: "1" } }, ["id"]) }),
    );
    expect(named(changes)).toContain(
      "breaking request-property-became-required [request-property-became-required-with-default]",
    );
    expect(changes.find((c) => c.id === "request-property-became-required")?.message).toBe(
      "property `[].id` became required (it has a default, but a request without it is invalid)",
    );
  });
});

describe("changes inside `not`", () => {
  const not = (inner: unknown) => requestBody({ type: "object", not: inner });

  it("are traversed like oasdiff, and a removed property keeps oasdiff's id at WARN", async () => {
    const changes = await changesOf(
      not(obj({ gone: str, kept: { ...str, maxLength: 10 } }, ["kept"])),
      not(obj({ kept: { ...str, maxLength: 5 } }, ["kept"])),
    );
    expect(named(changes)).toEqual([
      "warning request-constraint-changed [request-property-removed]",
      "info request-constraint-relaxed []",
    ]);
    expect(changes[1]?.message).toBe(
      "inside `not`: maxLength of `(not).kept` decreased from 10 to 5, so the value accepts more values",
    );
  });

  it("flip in a response too: what the `not` accepts more, the response holds less", async () => {
    const body = (maxLength: number) =>
      responseBody({ type: "object", not: obj({ a: { ...str, maxLength } }, ["a"]) });
    expect(named(await changesOf(body(5), body(10)))).toEqual([
      "info response-constraint-tightened []",
    ]);
  });
});

describe("the global security list and operationIds", () => {
  const globally = (security: unknown[]): OpenAPIDocument => ({ ...requestBody(str), security });

  it("names global requirements and scopes added and removed, document-wide at info", async () => {
    const added = await changesOf(globally([]), globally([{ petstore: ["read", "write"] }]));
    expect(named(added)).toContain("info security-global-changed [api-global-security-added]");
    const removed = await changesOf(globally([{ a: [] }, { b: [] }]), globally([{ a: [] }]));
    expect(named(removed)).toContain("info security-global-changed [api-global-security-removed]");
    expect(named(removed)).toContain(
      "breaking security-tightened [api-security-added,api-security-scope-added]",
    );
    const scopes = await changesOf(globally([{ o: ["read"] }]), globally([{ o: ["write"] }]));
    expect(named(scopes).filter((c) => c.includes("global"))).toEqual([
      "info security-global-changed [api-global-security-scope-added]",
      "info security-global-changed [api-global-security-scope-removed]",
    ]);
  });

  it("calls an operationId that changed breaking, and a first one info", async () => {
    const op = (operationId?: string) =>
      api({
        "/a": {
          get: {
            ...(operationId ? { operationId } : {}),
            responses: { "200": { description: "ok" } },
          },
        },
      });
    expect(named(await changesOf(op("listA"), op("getA")))).toEqual([
      "breaking operation-id-changed [api-operation-id-removed]",
    ]);
    expect(named(await changesOf(op(), op("getA")))).toEqual([
      "info operation-id-changed [api-operation-id-added]",
    ]);
  });
});

describe("parameters: deprecation, removal after it, path parameters, header properties", () => {
  const q = (extra: Record<string, unknown> = {}) => ({
    name: "q",
    in: "query",
    schema: str,
    ...extra,
  });

  it("names a parameter deprecated, reactivated, and removed after being deprecated", async () => {
    expect(
      named(await changesOf(withParameters([q()]), withParameters([q({ deprecated: true })]))),
    ).toEqual(["info request-deprecated [request-parameter-deprecated]"]);
    expect(
      named(await changesOf(withParameters([q({ deprecated: true })]), withParameters([q()]))),
    ).toEqual(["info request-deprecated [request-parameter-reactivated]"]);
    const removed = await changesOf(withParameters([q({ deprecated: true })]), withParameters([]));
    expect(named(removed)).toEqual([
      "info request-parameter-removed [request-parameter-removed-with-deprecation]",
    ]);
    expect(removed[0]?.message).toBe("removed after being deprecated");
  });

  it("names a new path parameter with oasdiff's path id", async () => {
    const at = (path: string, parameters: unknown[]) =>
      api({ [path]: { get: { parameters, responses: { "200": { description: "ok" } } } } });
    const changes = await changesOf(
      at("/things/{id}", [{ name: "id", in: "path", required: true, schema: str }]),
      at("/things/{id}", [
        { name: "id", in: "path", required: true, schema: str },
        { name: "v", in: "path", required: true, schema: str },
      ]),
    );
    expect(named(changes)).toEqual([
      "breaking request-parameter-added-required [new-request-path-parameter]",
    ]);
  });

  it("names a header's object property that became required or an enum", async () => {
    const header = (schema: unknown) => withParameters([{ name: "X-Meta", in: "header", schema }]);
    expect(named(await changesOf(header(obj({ a: str })), header(obj({ a: str }, ["a"]))))).toEqual(
      ["breaking request-property-became-required [request-header-property-became-required]"],
    );
    expect(
      named(await changesOf(header(obj({ a: str })), header(obj({ a: { ...str, enum: ["x"] } })))),
    ).toEqual(["breaking request-became-enum [request-header-property-became-enum]"]);
  });
});

describe("deprecated body properties and new required properties with a default", () => {
  it("names a property deprecated and reactivated, in requests and responses", async () => {
    const body = (deprecated: boolean) =>
      obj({ a: { ...str, ...(deprecated ? { deprecated } : {}) } });
    expect(named(await changesOf(requestBody(body(false)), requestBody(body(true))))).toEqual([
      "info request-deprecated [request-property-deprecated]",
    ]);
    expect(named(await changesOf(responseBody(body(true)), responseBody(body(false))))).toEqual([
      "info response-deprecated [response-property-reactivated]",
    ]);
  });

  it("names a new required property with a default apart (still breaking)", async () => {
    expect(
      named(
        await changesOf(
          requestBody(obj({})),
          requestBody(obj({ a: { ...str, default: "x" } }, ["a"])),
        ),
      ),
    ).toEqual([
      "breaking request-property-added-required [new-required-request-property-with-default]",
    ]);
  });
});

describe("more bounds: maxItems and maxProperties of bodies, multipleOf, uniqueItems, unset limits", () => {
  const array = (extra: Record<string, unknown>) => ({ type: "array", items: str, ...extra });
  const object = (extra: Record<string, unknown>) => ({ type: "object", ...extra });

  it.each([
    [
      "request",
      array({ maxItems: 5 }),
      array({ maxItems: 3 }),
      "breaking request-constraint-tightened [request-body-max-items-decreased]",
    ],
    [
      "request",
      obj({ a: array({ maxItems: 3 }) }),
      obj({ a: array({ maxItems: 5 }) }),
      "info request-constraint-relaxed [request-property-max-items-increased]",
    ],
    [
      "request",
      array({}),
      array({ maxItems: 3 }),
      "warning request-constraint-tightened [request-body-max-items-set]",
    ],
    [
      "request",
      object({ maxProperties: 5 }),
      object({ maxProperties: 3 }),
      "breaking request-constraint-tightened [request-body-max-properties-decreased]",
    ],
    [
      "request",
      object({ minProperties: 1 }),
      object({ minProperties: 2 }),
      "breaking request-constraint-tightened [request-body-min-properties-increased]",
    ],
    [
      "response",
      object({ maxProperties: 3 }),
      object({ maxProperties: 5 }),
      "warning response-constraint-relaxed [response-body-max-properties-increased]",
    ],
    [
      "request",
      { type: "integer", multipleOf: 10 },
      { type: "integer", multipleOf: 5 },
      "info request-constraint-relaxed [request-body-multiple-of-generalized]",
    ],
    [
      "request",
      { type: "integer", multipleOf: 5 },
      { type: "integer", multipleOf: 10 },
      "breaking request-constraint-tightened [request-body-multiple-of-changed]",
    ],
    [
      "response",
      { type: "integer", multipleOf: 5 },
      { type: "integer", multipleOf: 10 },
      "info response-constraint-tightened [response-body-multiple-of-specialized]",
    ],
    [
      "request",
      { type: "integer" },
      { type: "integer", multipleOf: 2 },
      "breaking request-constraint-tightened [request-body-multiple-of-set]",
    ],
    [
      "request",
      array({}),
      array({ uniqueItems: true }),
      "breaking request-constraint-tightened [request-body-unique-items-set]",
    ],
    [
      "response",
      array({ uniqueItems: true }),
      array({}),
      "warning response-constraint-relaxed [response-body-unique-items-unset]",
    ],
    [
      "response",
      { type: "string", maxLength: 5 },
      { type: "string" },
      "warning response-constraint-relaxed [response-body-max-length-unset]",
    ],
    [
      "response",
      array({ minItems: 1 }),
      array({}),
      "warning response-constraint-relaxed [response-body-min-items-unset]",
    ],
  ])("%s %j -> %j: %s", async (side, base, head, expected) => {
    const wrap = side === "request" ? requestBody : responseBody;
    expect(named(await changesOf(wrap(base), wrap(head)))).toEqual([expected]);
  });
});

describe("tags, path-level parameters and header object properties", () => {
  it("names each tag added and removed", async () => {
    const op = (tags: string[]) =>
      api({ "/a": { get: { tags, responses: { "200": { description: "ok" } } } } });
    expect(named(await changesOf(op(["videos"]), op(["media"])))).toEqual([
      "info operation-docs-changed [api-tag-added]",
      "info operation-docs-changed [api-tag-removed]",
    ]);
  });

  it("names a parameter added on an existing path's item, for each of its operations", async () => {
    const ok = { responses: { "200": { description: "ok" } } };
    const item = (parameters: unknown[]) => api({ "/a": { parameters, get: ok, post: ok } });
    const changes = await changesOf(
      item([]),
      item([{ name: "team", in: "query", required: true, schema: str }]),
    );
    expect(named(changes)).toEqual([
      "breaking request-parameter-added-required [new-required-request-default-parameter-to-existing-path]",
      "breaking request-parameter-added-required [new-required-request-default-parameter-to-existing-path]",
    ]);
    expect(changes.map((c) => c.operation)).toEqual(["GET /a", "POST /a"]);
  });

  it("names a new required property of a header's object, and none for a query object's", async () => {
    const param = (where: string, schema: unknown) =>
      withParameters([{ name: "meta", in: where, schema }]);
    expect(
      named(await changesOf(param("header", obj({})), param("header", obj({ a: str }, ["a"])))),
    ).toEqual(["breaking request-property-added-required [new-required-request-header-property]"]);
    expect(
      named(await changesOf(param("query", obj({})), param("query", obj({ a: str }, ["a"])))),
    ).toEqual(["breaking request-property-added-required []"]);
  });
});

describe("properties the client never exchanges: readOnly in requests, writeOnly in responses", () => {
  it("tightening a readOnly request property is info, under oasdiff's read-only ids", async () => {
    const body = (extra: Record<string, unknown>) =>
      requestBody(obj({ id: { type: "integer", readOnly: true, ...extra } }));
    expect(named(await changesOf(body({ maximum: 9 }), body({ maximum: 5 })))).toEqual([
      "info request-constraint-tightened [request-read-only-property-max-decreased]",
    ]);
    expect(named(await changesOf(body({ enum: [1, 2] }), body({ enum: [1] })))).toEqual([
      "info request-enum-value-removed [request-read-only-property-enum-value-removed]",
    ]);
  });

  it("a writeOnly response property's coming, going, requiredness and enum are info", async () => {
    const secret = { type: "string", writeOnly: true };
    const none = responseBody(obj({ id: str }));
    const optional = responseBody(obj({ id: str, secret }));
    const required = responseBody(obj({ id: str, secret }, ["secret"]));
    expect(named(await changesOf(none, required))).toEqual([
      "info response-property-added [response-required-write-only-property-added]",
    ]);
    expect(named(await changesOf(optional, none))).toEqual([
      "info response-optional-property-removed [response-optional-write-only-property-removed]",
    ]);
    expect(named(await changesOf(optional, required))).toEqual([
      "info response-property-became-required [response-write-only-property-became-required]",
    ]);
    const enumOf = (values: string[]) => responseBody(obj({ secret: { ...secret, enum: values } }));
    expect(named(await changesOf(enumOf(["a"]), enumOf(["a", "b"])))).toEqual([
      "info response-enum-value-added [response-write-only-property-enum-value-added]",
    ]);
  });
});

describe("a media type's schema appearing or disappearing", () => {
  it("is one change, not a comparison against an empty schema; itemSchema too", async () => {
    const media = (m: Record<string, unknown>): OpenAPIDocument =>
      api({
        "/e": {
          post: {
            requestBody: { content: { "application/json": m } },
            responses: { "200": { description: "ok" } },
          },
        },
      });
    expect(named(await changesOf(media({}), media({ schema: obj({ a: str }, ["a"]) })))).toEqual([
      "breaking request-media-type-schema-added [request-body-media-type-schema-added]",
    ]);
    expect(named(await changesOf(media({ itemSchema: str }), media({})))).toEqual([
      "info request-media-type-schema-removed [request-body-media-type-item-schema-removed]",
    ]);
    const stream = (m: Record<string, unknown>) =>
      api({
        "/e": {
          get: { responses: { "200": { description: "ok", content: { "text/event-stream": m } } } },
        },
      });
    expect(named(await changesOf(stream({ itemSchema: str }), stream({})))).toEqual([
      "breaking response-media-type-schema-removed [response-body-media-type-item-schema-removed]",
    ]);
    // on both sides, the item schemas are compared like any body schema
    const json = (m: Record<string, unknown>) =>
      api({
        "/e": {
          get: { responses: { "200": { description: "ok", content: { "application/json": m } } } },
        },
      });
    const changed = await changesOf(
      json({ itemSchema: str }),
      json({ itemSchema: { type: "integer" } }),
    );
    expect(named(changed)).toEqual(["breaking response-type-changed [response-body-type-changed]"]);
    expect(changed[0]?.location).toBe("response 200 application/json (itemSchema)");
  });
});

describe("wrapping, as oasdiff's transitions name it", () => {
  it("a parameter wrapped as oneOf [null, X] is null added to its list of types", async () => {
    const param = (schema: unknown) => withParameters([{ name: "q", in: "query", schema }]);
    expect(named(await changesOf(param(str), param({ oneOf: [{ type: "null" }, str] })))).toEqual([
      "info request-became-nullable [request-parameter-list-of-types-widened]",
    ]);
    // the 3.0 spelling keeps its own id
    expect(
      named(
        await changesOf(
          withParameters([{ name: "q", in: "query", schema: str }]),
          withParameters([{ name: "q", in: "query", schema: { ...str, nullable: true } }]),
        ),
      ),
    ).toEqual(["info request-became-nullable [request-parameter-became-nullable]"]);
  });

  it("a property wrapped in a oneOf is reported with one-of-added, a body with wrapped-in-one-of", async () => {
    const a = obj({ kind: { const: "a" } }, ["kind"]);
    const b = obj({ kind: { const: "b" } }, ["kind"]);
    expect(
      named(
        await changesOf(
          responseBody(obj({ pet: a })),
          responseBody(obj({ pet: { oneOf: [a, b] } })),
        ),
      ),
    ).toEqual(["breaking response-branch-added [response-property-one-of-added]"]);
    expect(named(await changesOf(responseBody(a), responseBody({ oneOf: [a, b] })))).toEqual([
      "breaking response-branch-added [response-body-wrapped-in-one-of]",
    ]);
    // judged: a response that may hold only the new alternative breaks the client's types
    expect(named(await changesOf(responseBody(a), responseBody({ anyOf: [a, b] })))).toEqual([
      "breaking response-branch-added [response-body-any-of-added]",
    ]);
    const asOasdiff = await compareSpecs(responseBody(a), responseBody({ anyOf: [a, b] }), {
      levels: "oasdiff",
    });
    expect(asOasdiff.changes.map((c) => c.level)).toEqual(["info"]);
  });
});

describe("a pattern changed to .*", () => {
  it("is a pattern generalized (info), as oasdiff reads it", async () => {
    const body = (pattern: string) => requestBody(obj({ code: { ...str, pattern } }));
    expect(named(await changesOf(body("^[A-Z]{3}$"), body(".*")))).toEqual([
      "info request-constraint-relaxed [request-property-pattern-generalized]",
    ]);
    expect(named(await changesOf(body("^[A-Z]{3}$"), body("^[A-Z]{2}$")))).toEqual([
      "warning request-constraint-changed [request-property-pattern-changed]",
    ]);
  });
});
