import { describe, expect, it } from "vitest";
import { api, changesOf, summary } from "./helpers.js";

const ok = { responses: { "200": { description: "ok" } } };

describe("operations", () => {
  it("reports a removed operation as breaking and an added one as info", async () => {
    const base = api({ "/a": { get: ok, post: ok } });
    const head = api({ "/a": { get: ok }, "/b": { get: ok } });
    const changes = await changesOf(base, head);
    expect(changes.map((c) => `${c.level} ${c.id} ${c.operation}`)).toEqual([
      "info operation-added GET /b",
      "breaking operation-removed POST /a",
    ]);
    expect(changes.every((c) => c.direction === "none")).toBe(true);
  });

  it("downgrades removing a deprecated operation to info (oasdiff api-removed-with-deprecation), unless its sunset is ahead", async () => {
    const deprecated = api({ "/a": { get: { ...ok, deprecated: true } }, "/b": { get: ok } });
    const gone = api({ "/b": { get: ok } });
    expect(summary(await changesOf(deprecated, gone))).toEqual([
      "info operation-removed-deprecated",
    ]);
    const promised = api({
      "/a": { get: { ...ok, deprecated: true, "x-sunset": "2999-01-01" } },
      "/b": { get: ok },
    });
    expect(summary(await changesOf(promised, gone))).toEqual([
      "breaking operation-removed-before-sunset",
    ]);
  });

  it("reports deprecation and documentation edits as info", async () => {
    const base = api({ "/a": { get: { ...ok, summary: "Old" } } });
    const head = api({ "/a": { get: { ...ok, summary: "New", deprecated: true } } });
    expect(summary(await changesOf(base, head)).sort()).toEqual([
      "info operation-deprecated",
      "info operation-docs-changed",
    ]);
  });

  it("reports webhooks added and removed", async () => {
    const base = api({}, { webhooks: { petAdded: { post: ok } } });
    const head = api({}, { webhooks: { petSold: { post: ok } } });
    expect(summary(await changesOf(base, head)).sort()).toEqual([
      "breaking webhook-removed",
      "info webhook-added",
    ]);
  });

  it("judges a webhook payload like a response: the consumer receives it", async () => {
    const hook = (schema: unknown) =>
      api(
        {},
        {
          webhooks: {
            avatarReady: {
              post: {
                requestBody: { content: { "application/json": { schema } } },
                responses: { "200": { description: "ok" } },
              },
            },
          },
        },
      );
    const base = hook({ type: "object", properties: { id: { type: "string" } }, required: ["id"] });
    const head = hook({
      type: "object",
      properties: { id: { type: ["string", "null"] } },
      required: ["id"],
    });
    const changes = await changesOf(base, head);
    expect(changes.map((c) => `${c.level} ${c.id} ${c.operation} ${c.location}`)).toEqual([
      "breaking response-became-nullable webhook avatarReady webhook payload application/json: id",
    ]);
  });

  it("orders changes by operation, most severe first", async () => {
    const base = api({ "/z": { get: ok, post: ok }, "/a": { get: { ...ok, summary: "x" } } });
    const head = api({
      "/z": { get: { ...ok, summary: "y" } },
      "/a": { get: ok },
      "/m": { get: ok },
    });
    const changes = await changesOf(base, head);
    expect(changes.map((c) => c.operation)).toEqual([...changes.map((c) => c.operation)].sort());
  });
});
