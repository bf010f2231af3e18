import { describe, expect, it } from "vitest";
import { api, changesOf, highest, obj, responseBody, summary } from "./helpers.js";

type Case = [
  name: string,
  base: unknown,
  head: unknown,
  id: string,
  level: "breaking" | "warning" | "info",
];

const str = { type: "string" };
const dog = obj({ bark: str }, ["bark"]);
const cat = obj({ meow: str }, ["meow"]);

const cases: Case[] = [
  [
    "required property removed",
    obj({ a: str, b: str }, ["a", "b"]),
    obj({ a: str }, ["a"]),
    "response-required-property-removed",
    "breaking",
  ],
  [
    "optional property removed",
    obj({ a: str, b: str }),
    obj({ a: str }),
    "response-optional-property-removed",
    "warning",
  ],
  [
    "required property made optional",
    obj({ a: str }, ["a"]),
    obj({ a: str }),
    "response-property-became-optional",
    "breaking",
  ],
  [
    "optional property made required",
    obj({ a: str }),
    obj({ a: str }, ["a"]),
    "response-property-became-required",
    "info",
  ],
  [
    "property added",
    obj({ a: str }),
    obj({ a: str, b: str }, ["b"]),
    "response-property-added",
    "info",
  ],
  [
    "type changed",
    obj({ a: str }),
    obj({ a: { type: "boolean" } }),
    "response-type-changed",
    "breaking",
  ],
  [
    "type widened integer to number",
    obj({ a: { type: "integer" } }),
    obj({ a: { type: "number" } }),
    "response-type-widened",
    "breaking",
  ],
  [
    "type narrowed",
    obj({ a: { type: ["string", "integer"] } }),
    obj({ a: str }),
    "response-type-narrowed",
    "info",
  ],
  [
    "became nullable via a type array",
    obj({ a: str }),
    obj({ a: { type: ["string", "null"] } }),
    "response-became-nullable",
    "breaking",
  ],
  [
    "became nullable via a null branch",
    obj({ a: str }),
    obj({ a: { oneOf: [str, { type: "null" }] } }),
    "response-became-nullable",
    "breaking",
  ],
  [
    "became not nullable",
    obj({ a: { type: ["string", "null"] } }),
    obj({ a: str }),
    "response-became-not-nullable",
    "info",
  ],
  [
    "oneOf branch added",
    { oneOf: [dog, cat] },
    { oneOf: [dog, cat, obj({ hop: str }, ["hop"])] },
    "response-branch-added",
    "breaking",
  ],
  ["wrapped in a oneOf", dog, { oneOf: [dog, cat] }, "response-branch-added", "breaking"],
  [
    "oneOf branch removed",
    { oneOf: [dog, cat] },
    { oneOf: [dog] },
    "response-branch-removed",
    "info",
  ],
  [
    "enum value added",
    { type: "string", enum: ["a"] },
    { type: "string", enum: ["a", "b"] },
    "response-enum-value-added",
    "warning",
  ],
  [
    "enum value removed",
    { type: "string", enum: ["a", "b"] },
    { type: "string", enum: ["a"] },
    "response-enum-value-removed",
    "info",
  ],
  [
    "maximum raised (types unchanged)",
    { type: "integer", maximum: 5 },
    { type: "integer", maximum: 9 },
    "response-constraint-relaxed",
    "warning",
  ],
  [
    "maximum lowered",
    { type: "integer", maximum: 9 },
    { type: "integer", maximum: 5 },
    "response-constraint-tightened",
    "info",
  ],
  [
    "additionalProperties opened",
    obj({ a: str }, [], { additionalProperties: false }),
    obj({ a: str }),
    "response-shape-widened",
    "breaking",
  ],
  ["const changed", { const: "v1" }, { const: "v2" }, "response-const-changed", "breaking"],
  [
    "nested property type changed",
    obj({ data: obj({ items: { type: "array", items: obj({ n: { type: "integer" } }) } }) }),
    obj({ data: obj({ items: { type: "array", items: obj({ n: str }) } }) }),
    "response-type-changed",
    "breaking",
  ],
];

describe("response bodies", () => {
  it.each(cases)("%s", async (_name, base, head, id, level) => {
    const changes = await changesOf(responseBody(base), responseBody(head));
    expect(summary(changes)).toContain(`${level} ${id}`);
    expect(highest(changes)).toBe(level);
    expect(changes.find((c) => c.id === id)?.direction).toBe("response");
  });

  it("says where the change is, down to the property path", async () => {
    const base = obj({
      data: obj({ items: { type: "array", items: obj({ n: { type: "integer" } }) } }),
    });
    const head = obj({ data: obj({ items: { type: "array", items: obj({ n: str }) } }) });
    const [change] = await changesOf(responseBody(base), responseBody(head));
    expect(change).toMatchObject({
      operation: "GET /things/{id}",
      location: "response 200 application/json: data.items[].n",
      affectsTypes: true,
    });
  });

  it("treats 3.0 nullable: true as becoming nullable", async () => {
    const changes = await changesOf(
      responseBody(obj({ a: str }), "3.0.3"),
      responseBody(obj({ a: { type: "string", nullable: true } }), "3.0.3"),
    );
    expect(summary(changes)).toEqual(["breaking response-became-nullable"]);
  });

  it("does not count an added alternative identical to an existing one", async () => {
    const changes = await changesOf(
      responseBody({ oneOf: [dog, cat] }),
      responseBody({ oneOf: [dog, cat, { ...cat, title: "Kitten" }] }),
    );
    expect(highest(changes)).toBe("info");
  });

  it("marks limit changes as not altering types and shape changes as altering them", async () => {
    const [limit] = await changesOf(
      responseBody({ type: "integer", maximum: 5 }),
      responseBody({ type: "integer", maximum: 9 }),
    );
    expect(limit?.affectsTypes).toBe(false);
    const [nullable] = await changesOf(
      responseBody(obj({ a: str })),
      responseBody(obj({ a: { type: ["string", "null"] } })),
    );
    expect(nullable?.affectsTypes).toBe(true);
  });

  it("does not mark integer to number as altering types (both are `number` in TypeScript)", async () => {
    const [change] = await changesOf(
      responseBody({ type: "integer" }),
      responseBody({ type: "number" }),
    );
    expect(change).toMatchObject({ id: "response-type-widened", affectsTypes: false });
  });

  it("ignores writeOnly properties the client never receives", async () => {
    const base = obj({ secret: { type: "string", writeOnly: true }, a: str }, ["secret", "a"]);
    const head = obj({ a: str }, ["a"]);
    expect(highest(await changesOf(responseBody(base), responseBody(head)))).not.toBe("breaking");
  });
});

describe("responses", () => {
  const withStatuses = (statuses: Record<string, unknown>) =>
    api({ "/things": { get: { responses: statuses } } });
  const json = (schema: unknown) => ({
    description: "x",
    content: { "application/json": { schema } },
  });

  it("reports a removed success status as breaking and a removed error status as info", async () => {
    expect(
      summary(
        await changesOf(
          withStatuses({ "200": json(str), "201": json(str) }),
          withStatuses({ "200": json(str) }),
        ),
      ),
    ).toEqual(["breaking response-success-status-removed"]);
    expect(
      summary(
        await changesOf(
          withStatuses({ "200": json(str), "404": json(str) }),
          withStatuses({ "200": json(str) }),
        ),
      ),
    ).toEqual(["info response-status-removed"]);
  });

  it("reports a removed response media type as breaking", async () => {
    const base = withStatuses({
      "200": {
        description: "x",
        content: { "application/json": { schema: str }, "text/csv": { schema: str } },
      },
    });
    expect(summary(await changesOf(base, withStatuses({ "200": json(str) })))).toEqual([
      "breaking response-media-type-removed",
    ]);
  });

  it("reports removed response headers by whether they were required", async () => {
    const headers = { "X-Rate": { required: true, schema: str }, "X-Trace": { schema: str } };
    const base = withStatuses({ "200": { description: "x", headers } });
    const head = withStatuses({ "200": { description: "x" } });
    expect(summary(await changesOf(base, head)).sort()).toEqual([
      "breaking response-required-header-removed",
      "warning response-optional-header-removed",
    ]);
  });

  it("compares response header schemas in the response direction", async () => {
    const base = withStatuses({
      "200": { description: "x", headers: { "X-Count": { schema: { type: "integer" } } } },
    });
    const head = withStatuses({
      "200": { description: "x", headers: { "X-Count": { schema: { type: "number" } } } },
    });
    expect(summary(await changesOf(base, head))).toEqual(["breaking response-type-widened"]);
  });
});
