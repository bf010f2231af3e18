import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSpecs } from "../src/index.js";
import type { OpenAPIDocument } from "../src/types.js";
import { changesOf, obj, requestBody, responseBody } from "./helpers.js";

const specs = join(import.meta.dirname, "../../../specs");

function repoSpecs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // Authored fragments reference components of the upstream files they are merged with.
      if (entry.isDirectory()) {
        if (entry.name !== "authored") walk(path);
      } else if (
        /\.(json|ya?ml|txt)$/.test(entry.name) &&
        entry.name !== "upstream.json" &&
        !entry.name.includes("overlay")
      ) {
        // Guide pages without an embedded definition are not specs.
        if (/openapi/i.test(readFileSync(path, "utf8").slice(0, 20_000))) out.push(path);
      }
    }
  };
  walk(specs);
  return out;
}

describe("equivalent documents", () => {
  const files = repoSpecs();

  it("finds the vendored specs", () => {
    expect(files.map((f) => relative(specs, f))).toEqual(
      expect.arrayContaining(["v2/openapi.json", "v3/openapi.json"]),
    );
  });

  it.each(
    files.map((f) => [relative(specs, f), f]),
  )("compare(%s, itself) reports nothing", async (_name, file) => {
    expect((await compareSpecs(file, file)).changes).toEqual([]);
  });

  it("a description-only edit of the vendored v3 spec reports only info", async () => {
    const base = JSON.parse(
      readFileSync(join(specs, "v3/openapi.json"), "utf8"),
    ) as OpenAPIDocument;
    const head = structuredClone(base);
    let edited = 0;
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        for (const [key, value] of Object.entries(record)) {
          if (key === "description" && typeof value === "string") {
            record[key] = `${value} (edited)`;
            edited++;
          } else walk(value);
        }
      }
    };
    walk(head);
    expect(edited).toBeGreaterThan(5);
    const changes = await changesOf(base, head);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.level !== "info")).toEqual([]);
    expect(changes.every((c) => !c.affectsTypes)).toBe(true);
  });

  it("a schema moved into a $ref is no change", async () => {
    const inline = responseBody(obj({ name: { type: "string" } }, ["name"]));
    const moved = responseBody({ $ref: "#/components/schemas/Thing" });
    moved.components = { schemas: { Thing: obj({ name: { type: "string" } }, ["name"]) } };
    expect(await changesOf(inline, moved)).toEqual([]);
    // inlined back: the values are the same, only the named schema (and its generated type) goes
    expect(
      (await changesOf(moved, inline)).map((c) => `${c.operation} ${c.level} ${c.id}`),
    ).toEqual(["* info component-schema-removed"]);
  });

  it("a schema split into an allOf is no change", async () => {
    const whole = requestBody(obj({ a: { type: "string" }, b: { type: "integer" } }, ["a"]));
    const split = requestBody({
      allOf: [obj({ a: { type: "string" } }, ["a"]), obj({ b: { type: "integer" } })],
    });
    expect(await changesOf(whole, split)).toEqual([]);
    const wrapped = requestBody({
      allOf: [obj({ a: { type: "string" }, b: { type: "integer" } }, ["a"])],
    });
    expect(await changesOf(whole, wrapped)).toEqual([]);
  });

  it("nullable: true, a null type and a null branch are the same thing", async () => {
    const spellings = [
      responseBody(obj({ a: { type: "string", nullable: true } }), "3.0.3"),
      responseBody(obj({ a: { type: ["string", "null"] } })),
      responseBody(obj({ a: { anyOf: [{ type: "string" }, { type: "null" }] } })),
      responseBody(
        obj({ a: { oneOf: [{ type: "null" }, { $ref: "#/components/schemas/S" }] } }),
        "3.1.0",
      ),
    ];
    const last = spellings[3] as OpenAPIDocument;
    last.components = { schemas: { S: { type: "string" } } };
    // (the only document-wide change possible: a component the last spelling names goes)
    for (const a of spellings)
      for (const b of spellings)
        expect((await changesOf(a, b)).filter((c) => c.operation !== "*")).toEqual([]);
  });

  it("a 3.0 to 3.1 migration of the same API reports only documentation changes", async () => {
    const doc = (version: string, schemas: Record<string, unknown>): OpenAPIDocument => ({
      openapi: version,
      info: { title: "t", version: "1" },
      paths: {
        "/a": {
          post: {
            requestBody: {
              required: true,
              content: { "application/json": { schema: { $ref: "#/components/schemas/In" } } },
            },
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Out" } } },
              },
            },
          },
        },
      },
      components: { schemas },
    });
    const v30 = doc("3.0.3", {
      In: obj(
        {
          n: { type: "number", minimum: 0, exclusiveMinimum: true, example: 3 },
          tag: { type: "string", nullable: true, enum: ["a", null] },
        },
        ["n"],
      ),
      Out: obj({
        when: { type: "string", format: "date-time", nullable: true },
        ref: { allOf: [{ $ref: "#/components/schemas/In" }], nullable: true },
      }),
    });
    const v31 = doc("3.1.0", {
      In: obj(
        {
          n: { type: "number", exclusiveMinimum: 0, examples: [3] },
          tag: { type: ["string", "null"], enum: ["a", null] },
        },
        ["n"],
      ),
      Out: obj({
        when: { type: ["string", "null"], format: "date-time" },
        ref: { oneOf: [{ $ref: "#/components/schemas/In" }, { type: "null" }] },
      }),
    });
    const changes = await changesOf(v30, v31);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.map((c) => c.id)).toEqual(
      changes.map(() => expect.stringMatching(/-docs-changed$/)),
    );
  });

  it("reports a change in a shared schema at every place it is used", async () => {
    const doc = (email: unknown) => {
      const d = responseBody(
        obj({
          author: { $ref: "#/components/schemas/User" },
          editor: { $ref: "#/components/schemas/User" },
        }),
      );
      d.components = { schemas: { User: obj({ email }) } };
      return d;
    };
    const changes = await changesOf(doc({ type: "string" }), doc({ type: ["string", "null"] }));
    expect(changes.map((c) => c.location)).toEqual([
      "response 200 application/json: author.email",
      "response 200 application/json: editor.email",
    ]);
  });

  it("compares recursive schemas without looping and still finds deep changes", async () => {
    const tree = (leaf: unknown) => {
      const doc = responseBody({ $ref: "#/components/schemas/Node" });
      doc.components = {
        schemas: {
          Node: obj({
            value: leaf,
            children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          }),
        },
      };
      return doc;
    };
    expect(await changesOf(tree({ type: "integer" }), tree({ type: "integer" }))).toEqual([]);
    const changes = await changesOf(tree({ type: "integer" }), tree({ type: "string" }));
    expect(changes.map((c) => `${c.id} ${c.location}`)).toEqual([
      "response-type-changed response 200 application/json: value",
    ]);
  });
});
