// Issue 13's nine classifier bugs, each from a minimal spec pair.
import { describe, expect, it } from "vitest";
import { compareSpecs } from "../src/index.js";
import {
  api,
  changesOf,
  obj,
  requestBody,
  responseBody,
  summary,
  withParameters,
} from "./helpers.js";

const str = { type: "string" };

describe("issue 13 regressions", () => {
  it("1. adding `type` to an untyped schema narrows it; removing it widens", async () => {
    const untyped = obj({ a: {} });
    const typed = obj({ a: str });
    expect(summary(await changesOf(responseBody(untyped), responseBody(typed)))).toEqual([
      "info response-type-narrowed",
    ]);
    expect(summary(await changesOf(responseBody(typed), responseBody(untyped)))).toContain(
      "breaking response-type-widened",
    );
    expect(summary(await changesOf(requestBody(untyped), requestBody(typed)))).toContain(
      "breaking request-type-narrowed",
    );
  });

  it("2. `required: [a, b]` rewritten as oneOf of two requireds rejects a body with both", async () => {
    const base = obj({ a: str, b: str }, ["a", "b"]);
    const head = {
      type: "object",
      properties: { a: str, b: str },
      oneOf: [{ required: ["a"] }, { required: ["b"] }],
    };
    const changes = await changesOf(requestBody(base), requestBody(head));
    const tightened = changes.find((c) => c.id === "request-constraint-tightened");
    expect(tightened?.level).toBe("breaking");
    expect(tightened?.message).toContain("can both match one value");
    // anyOf accepts a value matching both: no such change
    const anyOf = { ...head, oneOf: undefined, anyOf: head.oneOf };
    const relaxed = await changesOf(requestBody(base), requestBody(anyOf));
    expect(relaxed.map((c) => c.message).join()).not.toContain("can both match");
  });

  it("3. `then`, `else` and `not` are traversed or judged, not tagged as removed", async () => {
    const cond = (then: unknown) => ({
      ...obj({ kind: str, a: str }),
      if: obj({ kind: { const: "x" } }),
      then,
    });
    const changes = await changesOf(requestBody(cond(obj({}))), requestBody(cond(obj({}, ["a"]))));
    const inThen = changes.find((c) => c.location.includes("(then)"));
    expect(inThen?.level).toBe("breaking");
    expect(inThen?.message).toContain("became required");
    const not = (n: unknown) => ({ ...obj({ a: str }), not: n });
    const notChanged = await changesOf(
      requestBody(not(obj({}, ["a"]))),
      requestBody(not(obj({}, ["b"]))),
    );
    expect(notChanged.flatMap((c) => c.oasdiffIds ?? [])).not.toContain("request-body-not-removed");
    // inside `not` the polarity flips: `b` now required there means a body with `b` is refused
    expect(summary(notChanged)).toEqual([
      "breaking request-constraint-tightened",
      "info request-constraint-relaxed",
    ]);
    expect(notChanged.map((c) => c.location)).toEqual([
      "request body application/json: (not).a",
      "request body application/json: (not).b",
    ]);
  });

  it("4. an empty pattern becoming a real one is a pattern added", async () => {
    const changes = await changesOf(
      requestBody(obj({ a: { type: "string", pattern: "" } })),
      requestBody(obj({ a: { type: "string", pattern: "^[a-z]+$" } })),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]?.oasdiffIds).toEqual(["request-property-pattern-added"]);
    expect(changes[0]?.level).toBe("breaking");
  });

  it("5. a single-branch oneOf gaining a branch gains an alternative; it is not wrapped", async () => {
    const a = obj({ kind: { const: "a" } }, ["kind"]);
    const b = obj({ size: { type: "integer" } }, ["size"]);
    const changes = await changesOf(
      responseBody(obj({ x: { oneOf: [a] } })),
      responseBody(obj({ x: { oneOf: [a, b] } })),
    );
    const added = changes.find((c) => c.id === "response-branch-added");
    expect(added?.message).not.toContain("wrapped");
    expect(added?.oasdiffIds).toEqual(["response-property-one-of-added"]);
  });

  it("5b. a oneOf of plain types gaining a type is a list of types widened, not a wrap", async () => {
    const changes = await changesOf(
      responseBody(obj({ a: { oneOf: [str] } })),
      responseBody(obj({ a: { oneOf: [str, { type: "integer" }] } })),
    );
    expect(summary(changes)).toEqual(["breaking response-type-widened"]);
    expect(changes[0]?.oasdiffIds).toEqual(["response-property-list-of-types-widened"]);
    expect(changes[0]?.message).not.toContain("wrapped");
  });

  it("6. toggling a webhook's requestBody.required is reported both ways", async () => {
    const hook = (required: boolean) =>
      api(
        {},
        {
          webhooks: {
            done: {
              post: {
                requestBody: {
                  required,
                  content: { "application/json": { schema: obj({ a: str }) } },
                },
                responses: { "200": { description: "ok" } },
              },
            },
          },
        },
      );
    expect(summary(await changesOf(hook(true), hook(false)))).toEqual([
      "breaking response-shape-widened",
    ]);
    expect(summary(await changesOf(hook(false), hook(true)))).toEqual([
      "info response-constraint-tightened",
    ]);
  });

  it("7. a query parameter [string, integer] becoming a form-exploded array of string is compatible", async () => {
    const param = (schema: unknown) => withParameters([{ name: "region", in: "query", schema }]);
    const changes = await changesOf(
      param({ type: ["string", "integer"] }),
      param({ type: "array", items: str }),
    );
    expect(summary(changes)).toEqual(["info request-type-widened"]);
    // items that restrict the values are not compatible
    const enumItems = await changesOf(
      param({ type: "string" }),
      param({ type: "array", items: { type: "string", enum: ["a"] } }),
    );
    expect(enumItems.some((c) => c.level === "breaking")).toBe(true);
  });

  it("8. a type change that also restricts to an enum reports became-enum too", async () => {
    const changes = await changesOf(
      requestBody(obj({ a: str })),
      requestBody(obj({ a: { type: "integer", enum: [1, 2] } })),
    );
    expect(summary(changes)).toEqual(
      expect.arrayContaining(["breaking request-became-enum", "breaking request-type-changed"]),
    );
  });

  it("9. `paths:` with no value and a 3.0 document with only `info` load", async () => {
    const empty = { openapi: "3.0.3", info: { title: "t", version: "1" } };
    const nullPaths = { ...empty, paths: null };
    await expect(compareSpecs(empty, nullPaths)).resolves.toMatchObject({ changes: [] });
    const report = await compareSpecs(nullPaths, requestBody(obj({})));
    expect(report.changes.map((c) => c.id)).toContain("operation-added");
  });
});

describe("messages", () => {
  it("do not repeat the words of their location", async () => {
    const param = (required: boolean) =>
      withParameters([{ name: "region", in: "query", required, schema: str }]);
    const none = withParameters([]);
    const changes = [
      ...(await changesOf(none, param(true))),
      ...(await changesOf(param(false), param(true))),
      ...(await changesOf(param(true), none)),
      ...(await changesOf(
        withParameters([{ name: "region", in: "query", schema: str }]),
        withParameters([{ name: "region", in: "query", schema: { type: "integer" } }]),
      )),
    ];
    expect(changes.length).toBeGreaterThanOrEqual(4);
    for (const c of changes) {
      const words: string[] = `${c.location}: ${c.message}`.toLowerCase().match(/[a-z]+/g) ?? [];
      const repeated = words.filter((w, i) => w.length > 3 && words.indexOf(w) !== i);
      expect(repeated, `${c.location}: ${c.message}`).toEqual([]);
    }
  });
});

describe("--levels oasdiff", () => {
  it("gives a judged rule oasdiff's level", async () => {
    const base = responseBody(obj({ n: { type: "integer", maximum: 5 } }));
    const head = responseBody(obj({ n: { type: "integer", maximum: 9 } }));
    const ours = await compareSpecs(base, head);
    const theirs = await compareSpecs(base, head, { levels: "oasdiff" });
    expect(summary(ours.changes)).toEqual(["warning response-constraint-relaxed"]);
    expect(summary(theirs.changes)).toEqual(["breaking response-constraint-relaxed"]);
    expect(theirs.changes[0]?.oasdiffIds).toEqual(["response-property-max-increased"]);
  });
});
