import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type OperationDescriptor, operations } from "../src/index.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

async function bundled(spec: "v2" | "v3") {
  const text = await readFile(join(import.meta.dirname, "../openapi", `${spec}.json`), "utf8");
  return JSON.parse(text) as { paths: Record<string, Record<string, { operationId: string }>> };
}

async function specOperations() {
  const found: Array<{ key: string; spec: "v2" | "v3"; operationId: string }> = [];
  for (const spec of ["v2", "v3"] as const) {
    for (const [path, item] of Object.entries((await bundled(spec)).paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (op)
          found.push({ key: `${method.toUpperCase()} ${path}`, spec, operationId: op.operationId });
      }
    }
  }
  return found;
}

const entries = Object.entries(operations) as Array<[string, OperationDescriptor]>;

describe("the operation registry", () => {
  test("holds every operation of both bundles, and nothing else", async () => {
    const inSpecs = await specOperations();
    expect(inSpecs.map((o) => o.key).sort()).toEqual(Object.keys(operations).sort());
    for (const { key, spec, operationId } of inSpecs) {
      const entry = (operations as Record<string, OperationDescriptor>)[key]!;
      expect({ spec: entry.spec, operationId: entry.operationId }).toEqual({ spec, operationId });
    }
  });

  test("lists HeyGen's 62 published operations plus the 3 of the v2 pages", () => {
    expect(entries.filter(([, e]) => e.spec === "v3")).toHaveLength(62);
    expect(entries.filter(([, e]) => e.spec === "v2")).toHaveLength(3);
    expect(entries.filter(([, e]) => e.deprecated)).toHaveLength(15);
    // the deprecated ones are exactly the legacy /v1 and /v2 paths of the published definition
    for (const [, e] of entries.filter(([, x]) => x.spec === "v3")) {
      expect(e.deprecated).toBe(e.api !== "v3");
    }
  });

  test("each key is its method and path; path parameters are the template's", () => {
    for (const [key, e] of entries) {
      expect(key).toBe(`${e.method} ${e.path}`);
      expect(e.key).toBe(key);
      expect(e.pathParams).toEqual([...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
      expect(e.api).toBe(/^\/(v\d)\//.exec(e.path)?.[1]);
    }
  });

  test("cursor lists are the GETs that take limit and token", () => {
    for (const [, e] of entries) {
      if (e.pagination) {
        expect(e.method).toBe("GET");
        expect(e.queryParams).toEqual(expect.arrayContaining(["limit", "token"]));
      }
    }
    const lists = entries.filter(([, e]) => e.pagination && !e.deprecated).map(([k]) => k);
    expect(lists).toEqual(
      expect.arrayContaining([
        "GET /v3/videos",
        "GET /v3/voices",
        "GET /v3/avatars",
        "GET /v3/webhooks/events",
      ]),
    );
    // event types answer has_more/next_token but take no cursor: not a list one can page
    expect(operations["GET /v3/webhooks/event-types"].pagination).toBeNull();
  });

  test("long-running reads carry their terminal states", () => {
    const jobs = Object.fromEntries(
      entries.filter(([, e]) => e.job && !e.deprecated).map(([k, e]) => [k, e.job]),
    );
    expect(Object.keys(jobs).sort()).toEqual(
      [
        "GET /v3/avatars/looks/{look_id}",
        "GET /v3/avatars/{group_id}",
        "GET /v3/lipsyncs/{lipsync_id}",
        "GET /v3/video-agents/sessions/{session_id}",
        "GET /v3/video-translations/proofreads/{proofread_id}",
        "GET /v3/video-translations/{video_translation_id}",
        "GET /v3/videos/{video_id}",
      ].sort(),
    );
    expect(jobs["GET /v3/videos/{video_id}"]).toEqual({
      statusField: "status",
      done: ["completed"],
      failed: ["failed"],
    });
  });

  test("request bodies: JSON, the multipart upload, or none", () => {
    expect(operations["POST /v3/assets"].requestBody).toEqual({
      contentType: "multipart/form-data",
      required: true,
    });
    expect(operations["POST /v3/videos"].requestBody?.contentType).toBe("application/json");
    expect(operations["GET /v3/videos"].requestBody).toBeNull();
  });
});
