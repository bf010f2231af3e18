import { describe, expect, test } from "vitest";
import { findRefCycle, resolvePointer } from "../src/index.js";

describe("findRefCycle", () => {
  test("finds A -> B -> A and A -> A", () => {
    const doc = {
      components: {
        schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } },
      },
    };
    const cycle = findRefCycle(doc);
    expect(cycle).toHaveLength(3);
    expect(cycle?.[0]).toBe(cycle?.[2]);
    expect(new Set(cycle)).toEqual(new Set(["#/components/schemas/A", "#/components/schemas/B"]));
    expect(findRefCycle({ c: { S: { $ref: "#/c/S" } } })).toEqual(["#/c/S", "#/c/S"]);
  });

  test("a recursive schema that reaches properties is not a cycle", () => {
    const doc = {
      components: {
        schemas: {
          Node: {
            type: "object",
            properties: {
              children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
            },
          },
          Alias: { $ref: "#/components/schemas/Node" },
        },
      },
    };
    expect(findRefCycle(doc)).toBeUndefined();
  });

  test("the bundled specs have none", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const api of ["v2", "v3"]) {
      const doc = JSON.parse(
        await readFile(new URL(`../../../specs/${api}/openapi.json`, import.meta.url), "utf8"),
      );
      expect(findRefCycle(doc)).toBeUndefined();
    }
  });

  test("resolvePointer decodes ~1 and ~0 and misses cleanly", () => {
    const doc = { paths: { "/a/{b}": { "x~y": 1 } } };
    expect(resolvePointer(doc, "#/paths/~1a~1{b}/x~0y")).toBe(1);
    expect(resolvePointer(doc, "#/paths/nope")).toBeUndefined();
    expect(resolvePointer(doc, "other.json#/x")).toBeUndefined();
  });
});
