// Spec tooling under bad input (issue 7, suite 6): `pnpm generate` (scripts/src/generate.mjs) and
// the drift CLI (heygen-spec-drift) on broken, hostile and huge inputs: a clear message naming
// the file, exit code 2, no stack trace, and (for generate) the generated files untouched. What
// scripts/test/generate.test.ts already covers (malformed JSON/YAML in an upstream file, a dangling
// $ref, a missing file) is not repeated for generate.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import {
  compareSpecs,
  type DriftReport,
  formatReport,
  SpecLoadError,
} from "@heygen-openapi/spec-drift";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countFailures } from "./support/failures.js";
import { countResources, leakedSince, type ResourceCounts } from "./support/resources.js";

const REPO = resolve(import.meta.dirname, "../../..");
const GENERATE = join(REPO, "scripts/src/generate.mjs");
const DRIFT = (() => {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("@heygen-openapi/spec-drift/package.json");
  const pkg = require(pkgPath) as { bin: Record<string, string> };
  return join(dirname(pkgPath), pkg.bin["heygen-spec-drift"] as string);
})();
const GENERATED = [
  "specs/v2/openapi.json",
  "packages/types/openapi/v2.json",
  "packages/types/src/generated/v2.ts",
  "specs/v3/openapi.json",
  "packages/types/openapi/v3.json",
  "packages/types/src/generated/v3.ts",
];
const V2_UPSTREAM = "specs/v2/upstream/photo-avatar-details.json";
const TEN_MB = 10 * 1024 * 1024;
const STACK = /\n\s+at /;

let work: string;
let baseline: ResourceCounts;
const figures = {
  generateRuns: 0,
  driftRuns: 0,
  servedDocuments: 0,
  exitCodes: {} as Record<string, number>,
  failures: 0,
};

beforeAll(async () => {
  baseline = countResources();
  work = await mkdtemp(join(tmpdir(), "heygen-reliability-"));
});

countFailures(figures);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  const leaked = await leakedSince(baseline);
  console.log(
    `[spec-tooling-bad-input] generate runs: ${figures.generateRuns}, drift CLI runs: ${figures.driftRuns}, hostile served documents fuzzed: ${figures.servedDocuments}, ` +
      `exit codes: ${JSON.stringify(figures.exitCodes)}, leaked resources: ${JSON.stringify(leaked)}, failures: ${figures.failures}`,
  );
  expect(leaked).toEqual({});
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runNode(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      figures.exitCodes[code] = (figures.exitCodes[code] ?? 0) + 1;
      done({ code, stdout, stderr });
    });
  });
}

/** A throwaway copy of what generate reads and writes, so a test can break it freely. */
async function copyCheckout(): Promise<string> {
  const root = await mkdtemp(join(work, "checkout-"));
  await cp(join(REPO, "specs"), join(root, "specs"), { recursive: true });
  for (const dir of ["packages/types/openapi", "packages/types/src/generated"]) {
    await cp(join(REPO, dir), join(root, dir), { recursive: true });
  }
  return root;
}

const snapshot = (root: string) =>
  Promise.all(GENERATED.map((f) => readFile(join(root, f), "utf8")));

// The v3 YAML that generation reads (the published definition itself is JSON).
const V3_UPSTREAM = "specs/v3/corrections.overlay.yaml";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A billion-laughs YAML block: nine levels of nine aliases each. */
function aliasBomb(): string {
  let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = "a";
  for (const n of "bcdefghi") {
    yaml += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    prev = n;
  }
  return yaml;
}

/** Adds `schemas` to the v2 upstream definition and points its first 200 JSON schema at `target`. */
async function pointFirstResponseAt(
  root: string,
  target: string,
  schemas: Record<string, unknown>,
) {
  const path = join(root, V2_UPSTREAM);
  type Op = { responses: Record<string, { content: Record<string, { schema: unknown }> }> };
  const doc = JSON.parse(await readFile(path, "utf8")) as {
    paths: Record<string, Record<string, Op>>;
    components?: { schemas?: Record<string, unknown> };
  };
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...schemas } };
  const op = Object.values(Object.values(doc.paths)[0] ?? {})[0] as Op;
  (op.responses["200"] as { content: Record<string, { schema: unknown }> }).content[
    "application/json"
  ] = {
    schema: ref(target),
  };
  await writeFile(path, JSON.stringify(doc));
}

const readJson = async (path: string) =>
  JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;

/** Bad inputs for generate that scripts/test/generate.test.ts does not cover. */
const generateCases: [string, string, (root: string) => Promise<void>][] = [
  ["an empty upstream file", V2_UPSTREAM, (root) => writeFile(join(root, V2_UPSTREAM), "")],
  [
    "a binary upstream file",
    V2_UPSTREAM,
    (root) =>
      writeFile(
        join(root, V2_UPSTREAM),
        Buffer.from([0, 1, 2, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47]),
      ),
  ],
  [
    "a directory where an upstream file should be",
    V2_UPSTREAM,
    async (root) => {
      await rm(join(root, V2_UPSTREAM));
      await mkdir(join(root, V2_UPSTREAM));
    },
  ],
  [
    "10 MB of garbage JSON",
    V2_UPSTREAM,
    (root) => writeFile(join(root, V2_UPSTREAM), `{"openapi": "3.1.0", ${"{".repeat(TEN_MB)}`),
  ],
  [
    "a top-level JSON array",
    V2_UPSTREAM,
    (root) => writeFile(join(root, V2_UPSTREAM), JSON.stringify([{ openapi: "3.1.0" }])),
  ],
  [
    "a malformed corrections overlay",
    "specs/v2/corrections.overlay.yaml",
    (root) =>
      writeFile(join(root, "specs/v2/corrections.overlay.yaml"), "actions:\n  - target: [\n"),
  ],
  [
    "a truncated manifest",
    "specs/upstream.json",
    (root) => writeFile(join(root, "specs/upstream.json"), '{"sources": ['),
  ],
  [
    "a manifest naming a file that does not exist",
    "specs/v2/upstream/nowhere.json",
    async (root) => {
      const manifest = await readJson(join(root, "specs/upstream.json"));
      const sources = manifest.sources as { definition: string }[];
      (sources[0] as { definition: string }).definition = "v2/upstream/nowhere.json";
      await writeFile(join(root, "specs/upstream.json"), JSON.stringify(manifest));
    },
  ],
  [
    "a $ref cycle A -> B -> A",
    V2_UPSTREAM,
    (root) => pointFirstResponseAt(root, "LoopA", { LoopA: ref("LoopB"), LoopB: ref("LoopA") }),
  ],
  [
    "a schema that is a $ref to itself",
    V2_UPSTREAM,
    (root) => pointFirstResponseAt(root, "Self", { Self: ref("Self") }),
  ],
  [
    "a YAML alias bomb",
    V3_UPSTREAM,
    async (root) => {
      const path = join(root, V3_UPSTREAM);
      await writeFile(
        path,
        `${await readFile(path, "utf8")}\nx-bomb:\n  ${aliasBomb().split("\n").join("\n  ")}`,
      );
    },
  ],
  [
    "100,000 levels of JSON nesting",
    V2_UPSTREAM,
    async (root) => {
      const path = join(root, V2_UPSTREAM);
      const text = await readFile(path, "utf8");
      await writeFile(
        path,
        text.replace(
          '"openapi"',
          `"x-deep": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "openapi"`,
        ),
      );
    },
  ],
];

describe.concurrent("pnpm generate under bad input", () => {
  test.each(
    generateCases,
  )("%s: exit 2, a message naming %s, no stack, generated files untouched", async (_name, file, breakIt) => {
    const root = await copyCheckout();
    try {
      // v3's output is made stale first: if generation went ahead for any API, it would rewrite it
      await writeFile(join(root, "packages/types/src/generated/v3.ts"), "// stale\n");
      const before = await snapshot(root);
      await breakIt(root);
      const result = await runNode([GENERATE, "--write", "--root", root]);
      figures.generateRuns++;
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(file.replace(/^specs\//, ""));
      expect(result.stderr).toMatch(/^error: /);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stdout).toBe("");
      expect(await snapshot(root)).toEqual(before);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test("a 10 MB but valid upstream definition is generated, not refused or crashed on", async () => {
    const root = await copyCheckout();
    try {
      const doc = await readJson(join(root, V2_UPSTREAM));
      (doc.info as Record<string, unknown>)["x-padding"] = "p".repeat(TEN_MB);
      await writeFile(join(root, V2_UPSTREAM), JSON.stringify(doc));
      const result = await runNode([GENERATE, "--write", "--root", root]);
      figures.generateRuns++;
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("specs/v2/openapi.json");
      const bundled = await readJson(join(root, "specs/v2/openapi.json"));
      expect(((bundled.info as Record<string, unknown>)["x-padding"] as string).length).toBe(
        TEN_MB,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

// ---- the drift CLI ----

let specs: string;
const good = () => join(specs, "good.json");

/** Writes the drift inputs once: the bundled v3 spec and broken variants of it. */
beforeAll(async () => {
  specs = await mkdtemp(join(tmpdir(), "heygen-drift-"));
  const text = await readFile(join(REPO, "specs/v3/openapi.json"), "utf8");
  const doc = JSON.parse(text) as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  const withPath = (schemaRef: string, extra: Record<string, unknown>) => {
    const d = structuredClone(doc);
    Object.assign(d.components.schemas, extra);
    d.paths["/x"] = {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: schemaRef } } },
          },
        },
      },
    };
    return JSON.stringify(d);
  };
  const big = structuredClone(doc);
  for (let i = 0; JSON.stringify(big).length < TEN_MB; i += 500) {
    for (let k = i; k < i + 500; k++) {
      big.paths[`/big/${k}`] = {
        get: {
          operationId: `op${k}`,
          description: "d".repeat(200),
          responses: { "200": { description: "ok" } },
        },
      };
    }
  }
  const node = {
    type: "object",
    properties: { name: { type: "string" }, child: { $ref: "#/components/schemas/Node" } },
  };
  const files: Record<string, string | Buffer> = {
    "good.json": text,
    "malformed.json": text.slice(0, 500),
    "malformed.yaml": "openapi: 3.1.0\npaths:\n  - [unclosed\n",
    "empty.json": "",
    "binary.json": Buffer.from([0, 1, 2, 0xff, 0xfe, 0x89, 0x50]),
    "array.json": "[1,2]",
    "no-openapi-field.json": '{"hello":1}',
    "garbage-10mb.json": "{".repeat(TEN_MB),
    "deep.json": text.replace(
      '"openapi"',
      `"x-deep": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "openapi"`,
    ),
    "yaml-bomb.yaml": `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\nx-bomb:\n  ${aliasBomb().split("\n").join("\n  ")}`,
    "dangling.json": withPath("#/components/schemas/X", {
      X: { $ref: "#/components/schemas/Missing" },
    }),
    "recursive.json": withPath("#/components/schemas/Node", { Node: node }),
    "cycle.json": withPath("#/components/schemas/LoopA", {
      LoopA: ref("LoopB"),
      LoopB: ref("LoopA"),
    }),
    "self-cycle.json": withPath("#/components/schemas/Self", { Self: ref("Self") }),
    "recursive-changed.json": withPath("#/components/schemas/Node", {
      Node: {
        ...node,
        required: ["name"],
        properties: { ...node.properties, name: { type: "integer" } },
      },
    }),
    "big-10mb.json": JSON.stringify(big),
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(specs, name), content);
  await mkdir(join(specs, "a-directory.json"));
});

afterAll(() => rm(specs, { recursive: true, force: true }));

async function drift(...args: string[]): Promise<Run> {
  figures.driftRuns++;
  return runNode([DRIFT, ...args]);
}

describe("heygen-spec-drift under bad input", () => {
  test.each([
    ["malformed JSON", "malformed.json", /invalid JSON/],
    ["malformed YAML", "malformed.yaml", /line 4, column 1/],
    ["a missing file", "missing.json", /not found/],
    ["a dangling $ref", "dangling.json", /\$ref.*Missing/],
    ["an empty file", "empty.json", /not an OpenAPI document/],
    ["a binary file", "binary.json", /not an OpenAPI document/],
    ["a JSON array", "array.json", /not an OpenAPI document/],
    ["a document without `openapi`", "no-openapi-field.json", /openapi/],
    ["a directory", "a-directory.json", /directory/],
    ["10 MB of garbage", "garbage-10mb.json", /invalid JSON/],
    ["100,000 levels of nesting", "deep.json", /deep\.json/],
    ["a YAML alias bomb", "yaml-bomb.yaml", /alias/i],
    ["a $ref cycle A -> B -> A", "cycle.json", /circular \$ref/],
    ["a schema that is a $ref to itself", "self-cycle.json", /circular \$ref/],
  ])("%s as either side: exit 2, a message naming the file, no stack", async (_name, file, message) => {
    const results = await Promise.all([
      drift("compare", good(), join(specs, file)),
      drift("compare", join(specs, file), good()),
    ]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`heygen-spec-drift: error: `);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stdout).toBe("");
    }
  });

  test("a recursive (legitimately circular) schema is compared and the change inside the cycle reported", async () => {
    const same = await drift(
      "compare",
      join(specs, "recursive.json"),
      join(specs, "recursive.json"),
    );
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/No changes/);
    const changed = await drift(
      "compare",
      join(specs, "recursive.json"),
      join(specs, "recursive-changed.json"),
      "--format",
      "json",
    );
    expect(changed.stderr).toBe("");
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout).summary.breaking).toBeGreaterThan(0);
  });

  test("a 10 MB spec is compared (exit 0, no changes against itself), not refused or crashed on", async () => {
    const result = await drift(
      "compare",
      join(specs, "big-10mb.json"),
      join(specs, "big-10mb.json"),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No changes/);
  });
});

describe("heygen-spec-drift upstream against hostile upstream servers (127.0.0.1)", () => {
  test.each([
    ["a refused connection", "refused", /cannot reach any upstream source.*\n.*connection refused/],
    ["an HTTP 500", "500", /the server answered 500/],
    ["an HTML page with no definition", "html", /not an OpenAPI document/],
    ["garbage JSON", "garbage", /invalid JSON/],
    ["a redirect loop", "loop", /redirect/],
    ["a body cut short", "cut", /spec\.json/],
  ])("%s: exit 2 with a message naming the source, no stack", async (_name, mode, message) => {
    const { startRawServer } = await import("./support/raw-server.js");
    const server = await startRawServer((req, res, socket) => {
      if (mode === "500") {
        res.writeHead(500);
        res.end("boom");
      } else if (mode === "html") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html><body>no definition here</body></html>");
      } else if (mode === "garbage") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{{{{");
      } else if (mode === "loop") {
        res.writeHead(302, { location: `${req.url}x` });
        res.end();
      } else {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        res.write('{"openapi":"3.1.0","paths":{', () => socket.destroy());
      }
    });
    const dir = await mkdtemp(join(work, "upstream-"));
    try {
      let url = `${server.url}/spec.json`;
      if (mode === "refused") {
        await server.close();
        url = `${server.url}/spec.json`; // nothing listens there any more
      }
      await writeFile(join(dir, "v3.json"), await readFile(join(REPO, "specs/v3/openapi.json")));
      await writeFile(
        join(dir, "manifest.json"),
        JSON.stringify({ sources: [{ url, definition: "v3.json" }] }),
      );
      const result = await drift("upstream", join(dir, "manifest.json"));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("heygen-spec-drift: error: ");
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stdout).toBe("");
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("compareSpecs against hostile served documents (127.0.0.1)", () => {
  test("800 mutated, garbage and embedded documents: a DriftReport or a SpecLoadError, never another error", async () => {
    const { startRawServer } = await import("./support/raw-server.js");
    const goodText = await readFile(join(REPO, "specs/v3/openapi.json"), "utf8");
    const good = JSON.parse(goodText) as {
      paths: Record<string, { get: Record<string, unknown> }>;
    };
    let plan = { status: 200, contentType: "application/json", body: "" };
    const server = await startRawServer((_req, res) => {
      res.writeHead(plan.status, { "content-type": plan.contentType });
      res.end(plan.body);
    });
    const json = fc.jsonValue({ maxDepth: 3 });
    const documents = fc.oneof(
      // a top-level field replaced by anything
      fc
        .tuple(
          fc.constantFrom("paths", "components", "openapi", "info", "servers", "security"),
          json,
        )
        .map(([k, v]) => JSON.stringify({ ...good, [k]: v })),
      // an operation, or one of its parts, replaced by anything
      fc
        .tuple(fc.constantFrom("parameters", "responses", "requestBody", "get"), json)
        .map(([k, v]) => {
          const d = structuredClone(good);
          const item = d.paths["/v3/avatars"] as Record<string, unknown> & {
            get: Record<string, unknown>;
          };
          if (k === "get") item.get = v as Record<string, unknown>;
          else item.get[k] = v;
          return JSON.stringify(d);
        }),
      json.map((v) => JSON.stringify(v)),
      fc.string(),
      fc.constant("```yaml\nopenapi: 3.1.0\n```"),
      fc.constant(`# Docs page\n\n\`\`\`json\n${goodText}\n\`\`\``),
    );
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            status: fc.constantFrom(200, 200, 200, 404, 500),
            contentType: fc.constantFrom(
              "application/json",
              "text/yaml",
              "text/markdown",
              "text/plain",
              "text/html",
            ),
            body: documents,
          }),
          async (p) => {
            plan = p;
            figures.servedDocuments++;
            const outcome = await compareSpecs(
              join(REPO, "specs/v3/openapi.json"),
              `${server.url}/spec.json`,
              {
                timeoutMs: 120_000, // the local server answers at once: only a hang could reach this
              },
            ).then(
              (report: DriftReport) => ({ report }),
              (error: unknown) => ({ error }),
            );
            if ("error" in outcome) expect(outcome.error).toBeInstanceOf(SpecLoadError);
            else expect(outcome.report.summary.total).toBe(outcome.report.changes.length);
          },
        ),
        { seed: 4, numRuns: 800 },
      );
    } finally {
      await server.close();
    }
  });
});

describe("path safety: what a served document may $ref", () => {
  test.each([
    ["a local file (file://)", "file"],
    ["an absolute local path", "absolute"],
    ["another origin", "origin"],
  ])("a $ref to %s from a document fetched over http never reads it, and its content never reaches the report", async (_name, kind) => {
    const { startRawServer } = await import("./support/raw-server.js");
    const canary = "LOCAL-CANARY-7d2e";
    const dir = await mkdtemp(join(work, "path-safety-"));
    const secretFile = join(dir, "secret.json");
    await writeFile(secretFile, JSON.stringify({ type: "string", enum: [canary] }));
    const other = await startRawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "string", enum: [canary] }));
    });
    const target =
      kind === "file"
        ? `file://${secretFile}`
        : kind === "absolute"
          ? secretFile
          : `${other.url}/secret.json`;
    const good = JSON.parse(await readFile(join(REPO, "specs/v3/openapi.json"), "utf8")) as {
      paths: Record<string, unknown>;
    };
    const withLeak = (leak: unknown) => {
      const d = structuredClone(good);
      d.paths["/x"] = {
        get: {
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "object", properties: { leak } } } },
            },
          },
        },
      };
      return d;
    };
    await writeFile(
      join(dir, "base.json"),
      JSON.stringify(withLeak({ type: "string", enum: ["a"] })),
    );
    const served = await startRawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(withLeak({ $ref: target })));
    });
    try {
      const outcome = await compareSpecs(join(dir, "base.json"), `${served.url}/spec.json`, {
        timeoutMs: 120_000, // the local server answers at once: only a hang could reach this
      }).then(
        (report: DriftReport) => ({ report }),
        (error: unknown) => ({ error }),
      );
      if (kind === "absolute") {
        // an absolute path is a path on the document's own origin, never a local file
        expect(served.seen.map((r) => r.url)).toContain(secretFile);
        const text =
          "report" in outcome ? formatReport(outcome.report, "json") : String(outcome.error);
        expect(text).not.toContain(canary);
      } else {
        expect("error" in outcome).toBe(true);
        const error = (outcome as { error: unknown }).error;
        expect(error).toBeInstanceOf(SpecLoadError);
        expect((error as Error).message).toMatch(/refused the \$ref/);
        expect((error as Error).message).not.toContain(canary);
      }
      // the other origin was never asked
      expect(other.seen).toHaveLength(0);
    } finally {
      await Promise.all([served.close(), other.close()]);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
