import { describe, expect, it } from "vitest";
import { at, changesOf, highest, obj, requestBody, summary, withParameters } from "./helpers.js";

type Case = [
  name: string,
  base: unknown,
  head: unknown,
  id: string,
  level: "breaking" | "warning" | "info",
];

const str = { type: "string" };

const bodyCases: Case[] = [
  [
    "new required property",
    obj({ a: str }),
    obj({ a: str, b: str }, ["b"]),
    "request-property-added-required",
    "breaking",
  ],
  [
    "new optional property",
    obj({ a: str }),
    obj({ a: str, b: str }),
    "request-property-added-optional",
    "info",
  ],
  [
    "optional property made required",
    obj({ a: str }),
    obj({ a: str }, ["a"]),
    "request-property-became-required",
    "breaking",
  ],
  [
    "required property made optional",
    obj({ a: str }, ["a"]),
    obj({ a: str }),
    "request-property-became-optional",
    "info",
  ],
  [
    "property removed",
    obj({ a: str, b: str }),
    obj({ a: str }),
    "request-property-removed",
    "warning",
  ],
  [
    "property removed from a closed object",
    obj({ a: str, b: str }, [], { additionalProperties: false }),
    obj({ a: str }, [], { additionalProperties: false }),
    "request-property-removed-closed",
    "breaking",
  ],
  [
    "type changed",
    obj({ a: str }),
    obj({ a: { type: "integer" } }),
    "request-type-changed",
    "breaking",
  ],
  [
    "type narrowed number to integer",
    obj({ a: { type: "number" } }),
    obj({ a: { type: "integer" } }),
    "request-type-narrowed",
    "breaking",
  ],
  [
    "type list narrowed",
    obj({ a: { type: ["string", "integer"] } }),
    obj({ a: str }),
    "request-type-narrowed",
    "breaking",
  ],
  [
    "type widened",
    obj({ a: { type: "integer" } }),
    obj({ a: { type: ["integer", "string"] } }),
    "request-type-widened",
    "info",
  ],
  [
    "enum value removed",
    { type: "string", enum: ["a", "b"] },
    { type: "string", enum: ["a"] },
    "request-enum-value-removed",
    "breaking",
  ],
  [
    "enum value added",
    { type: "string", enum: ["a"] },
    { type: "string", enum: ["a", "b"] },
    "request-enum-value-added",
    "info",
  ],
  ["enum added", str, { type: "string", enum: ["a"] }, "request-became-enum", "breaking"],
  ["enum dropped", { type: "string", enum: ["a"] }, str, "request-enum-removed", "info"],
  [
    "type array loses null",
    obj({ a: { type: ["string", "null"] } }),
    obj({ a: str }),
    "request-became-not-nullable",
    "breaking",
  ],
  [
    "anyOf loses its null branch",
    obj({ a: { anyOf: [str, { type: "null" }] } }),
    obj({ a: str }),
    "request-became-not-nullable",
    "breaking",
  ],
  [
    "becomes nullable",
    obj({ a: str }),
    obj({ a: { type: ["string", "null"] } }),
    "request-became-nullable",
    "info",
  ],
  [
    "oneOf branch removed",
    {
      oneOf: [
        obj({ kind: { const: "a" } }, ["kind"]),
        obj({ size: { type: "integer" } }, ["size"]),
      ],
    },
    { oneOf: [obj({ kind: { const: "a" } }, ["kind"])] },
    "request-branch-removed",
    "breaking",
  ],
  [
    "anyOf branch added",
    { anyOf: [obj({ a: str }, ["a"]), obj({ b: str }, ["b"])] },
    { anyOf: [obj({ a: str }, ["a"]), obj({ b: str }, ["b"]), obj({ c: str }, ["c"])] },
    "request-branch-added",
    "info",
  ],
  [
    "anyOf of plain types gains a type",
    { anyOf: [str, { type: "integer" }] },
    { anyOf: [str, { type: "integer" }, { type: "boolean" }] },
    "request-type-widened",
    "info",
  ],
  [
    "oneOf of plain types loses a type",
    obj({ a: { oneOf: [str, { type: "integer" }] } }),
    obj({ a: { type: "integer" } }),
    "request-type-narrowed",
    "breaking",
  ],
  [
    "minimum raised",
    { type: "integer", minimum: 1 },
    { type: "integer", minimum: 2 },
    "request-constraint-tightened",
    "breaking",
  ],
  [
    "minimum lowered",
    { type: "integer", minimum: 2 },
    { type: "integer", minimum: 1 },
    "request-constraint-relaxed",
    "info",
  ],
  [
    "maxLength lowered",
    { type: "string", maxLength: 10 },
    { type: "string", maxLength: 5 },
    "request-constraint-tightened",
    "breaking",
  ],
  [
    "maxItems lowered",
    { type: "array", items: str, maxItems: 10 },
    { type: "array", items: str, maxItems: 3 },
    "request-constraint-tightened",
    "breaking",
  ],
  [
    "maxItems raised",
    { type: "array", items: str, maxItems: 3 },
    { type: "array", items: str, maxItems: 10 },
    "request-constraint-relaxed",
    "info",
  ],
  [
    "pattern added",
    str,
    { type: "string", pattern: "^[a-z]+$" },
    "request-constraint-tightened",
    "breaking",
  ],
  [
    "pattern changed",
    { type: "string", pattern: "^a" },
    { type: "string", pattern: "^b" },
    "request-constraint-changed",
    "warning",
  ],
  ["pattern removed", { type: "string", pattern: "^a" }, str, "request-constraint-relaxed", "info"],
  [
    "additionalProperties closed",
    obj({ a: str }),
    obj({ a: str }, [], { additionalProperties: false }),
    "request-constraint-tightened",
    "breaking",
  ],
  [
    "items type changed",
    { type: "array", items: str },
    { type: "array", items: { type: "integer" } },
    "request-type-changed",
    "breaking",
  ],
  ["const changed", { const: "v1" }, { const: "v2" }, "request-const-changed", "breaking"],
  [
    "default changed",
    obj({ a: { type: "integer", default: 1 } }),
    obj({ a: { type: "integer", default: 2 } }),
    "request-default-changed",
    "info", // oasdiff request-property-default-value-changed
  ],
];

describe("request bodies", () => {
  it.each(bodyCases)("%s", async (_name, base, head, id, level) => {
    const changes = await changesOf(requestBody(base), requestBody(head));
    expect(summary(changes)).toContain(`${level} ${id}`);
    expect(highest(changes)).toBe(level);
    expect(changes.find((c) => c.id === id)?.direction).toBe("request");
  });

  it("treats 3.0 `nullable: false` after `nullable: true` as no longer accepting null", async () => {
    const changes = await changesOf(
      requestBody(obj({ a: { type: "string", nullable: true } }), "3.0.3"),
      requestBody(obj({ a: str }), "3.0.3"),
    );
    expect(summary(changes)).toEqual(["breaking request-became-not-nullable"]);
    expect(changes[0]?.location).toBe("request body application/json: a");
  });

  it("ignores readOnly properties the client never sends", async () => {
    const base = obj({ id: { type: "string", readOnly: true } });
    const head = obj({ id: { type: "string", readOnly: true } }, ["id"]);
    expect(highest(await changesOf(requestBody(base), requestBody(head)))).not.toBe("breaking");
  });

  it("reports a removed media type as breaking and an added one as info", async () => {
    const base = requestBody(str);
    const head = requestBody(str);
    const content = at(head, "paths", "/things", "post", "requestBody", "content");
    content["text/plain"] = content["application/json"];
    delete content["application/json"];
    expect(summary(await changesOf(base, head)).sort()).toEqual([
      "breaking request-media-type-removed",
      "info request-media-type-added",
    ]);
  });

  it("reports a body that became required", async () => {
    const base = requestBody(str);
    at(base, "paths", "/things", "post", "requestBody").required = false;
    expect(summary(await changesOf(base, requestBody(str)))).toEqual([
      "breaking request-body-became-required",
    ]);
  });

  it("reports an added security requirement and not a removed one", async () => {
    const open = requestBody(str);
    const secured = requestBody(str);
    secured.security = [{ apiKey: [] }];
    secured.components = {
      securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "x-api-key" } },
    };
    // document-wide changes (operation `*`) come first
    expect(summary(await changesOf(open, secured))).toEqual([
      "info security-global-changed",
      "info security-scheme-added",
      "breaking security-tightened",
    ]);
    expect(summary(await changesOf(secured, open))).toEqual([
      "info security-global-changed",
      "info security-scheme-removed",
      "info security-relaxed",
    ]);
  });

  it("reports a new alternative scheme as relaxed, a new scope as tightened", async () => {
    const one = requestBody(str);
    one.security = [{ key: [] }];
    const either = requestBody(str);
    either.security = [{ key: [] }, { bearer: [] }];
    expect(summary(await changesOf(one, either))).toEqual([
      "info security-global-changed",
      "info security-relaxed",
    ]);
    const scoped = requestBody(str);
    scoped.security = [{ oauth: ["read"] }];
    const moreScopes = requestBody(str);
    moreScopes.security = [{ oauth: ["read", "write"] }];
    expect(summary(await changesOf(scoped, moreScopes))).toEqual([
      "info security-global-changed",
      "breaking security-tightened",
    ]);
  });
});

const limit = { name: "limit", in: "query", schema: { type: "integer" } };

describe("parameters", () => {
  it.each([
    [
      "new required query parameter",
      [],
      [{ ...limit, required: true }],
      "request-parameter-added-required",
      "breaking",
    ],
    ["new optional query parameter", [], [limit], "request-parameter-added-optional", "info"],
    [
      "new required header",
      [],
      [{ name: "X-Team", in: "header", required: true, schema: str }],
      "request-parameter-added-required",
      "breaking",
    ],
    [
      "optional made required",
      [limit],
      [{ ...limit, required: true }],
      "request-parameter-became-required",
      "breaking",
    ],
    [
      "required made optional",
      [{ ...limit, required: true }],
      [limit],
      "request-parameter-became-optional",
      "info",
    ],
    ["parameter removed", [limit], [], "request-parameter-removed", "warning"],
    [
      "parameter type changed",
      [limit],
      [{ ...limit, schema: { type: "boolean" } }],
      "request-type-changed",
      "breaking",
    ],
    [
      "parameter enum value removed",
      [{ ...limit, schema: { type: "integer", enum: [10, 20] } }],
      [{ ...limit, schema: { type: "integer", enum: [10] } }],
      "request-enum-value-removed",
      "breaking",
    ],
    [
      "parameter maximum lowered",
      [{ ...limit, schema: { type: "integer", maximum: 50 } }],
      [{ ...limit, schema: { type: "integer", maximum: 20 } }],
      "request-constraint-tightened",
      "breaking",
    ],
    [
      "parameter default changed",
      [{ ...limit, schema: { type: "integer", default: 20 } }],
      [{ ...limit, schema: { type: "integer", default: 10 } }],
      "request-parameter-default-changed",
      "breaking",
    ],
    [
      "parameter serialisation changed",
      [{ ...limit, style: "form", explode: true }],
      [{ ...limit, style: "form", explode: false }],
      "request-parameter-style-changed",
      "breaking",
    ],
  ] as Case[])("%s", async (_name, base, head, id, level) => {
    const changes = await changesOf(
      withParameters(base as unknown[]),
      withParameters(head as unknown[]),
    );
    expect(summary(changes)).toContain(`${level} ${id}`);
    expect(highest(changes)).toBe(level);
  });

  it("matches header parameters case-insensitively and path parameters by position", async () => {
    const base = withParameters([{ name: "X-Team", in: "header", schema: str }]);
    const head = withParameters([{ name: "x-team", in: "header", schema: str }]);
    expect(await changesOf(base, head)).toEqual([]);
    const renamed = (name: string) => ({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        [`/a/{${name}}`]: {
          get: {
            parameters: [{ name, in: "path", required: true, schema: str }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    });
    expect(await changesOf(renamed("id"), renamed("group_id"))).toEqual([]);
  });
});
