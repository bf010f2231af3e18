import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, obj, responseBody, runCliCapturing } from "./helpers.js";

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spec-drift-cli-"));
  const str = { type: "string" };
  const specs: Record<string, unknown> = {
    "base.json": responseBody(obj({ a: str, status: { type: "string", enum: ["ok"] } }, ["a"])),
    "breaking.json": responseBody(obj({ status: { type: "string", enum: ["ok"] } })),
    "warning.json": responseBody(
      obj({ a: str, status: { type: "string", enum: ["ok", "late"] } }, ["a"]),
    ),
    "info.json": responseBody(
      obj(
        { a: { ...str, description: "now documented" }, status: { type: "string", enum: ["ok"] } },
        ["a"],
      ),
    ),
    "not-openapi.json": { hello: "world" },
    "ops.json": api({ "/x": { get: { responses: { "200": { description: "ok" } } } } }),
    "cycle.json": {
      ...responseBody({ $ref: "#/components/schemas/LoopA" }),
      components: {
        schemas: {
          LoopA: { $ref: "#/components/schemas/LoopB" },
          LoopB: { $ref: "#/components/schemas/LoopA" },
        },
      },
    },
  };
  for (const [name, doc] of Object.entries(specs)) await writeFile(file(name), JSON.stringify(doc));
  await writeFile(file("broken.yaml"), "openapi: 3.1.0\npaths: [unclosed\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("heygen-spec-drift compare", () => {
  it("exits 0 and says so when nothing changed", async () => {
    const r = await runCliCapturing("compare", file("base.json"), file("base.json"));
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("No changes.");
  });

  it.each([
    ["breaking.json", [], 1],
    ["warning.json", [], 0],
    ["warning.json", ["--fail-on", "warning"], 1],
    ["info.json", ["--fail-on", "warning"], 0],
    ["info.json", ["--fail-on", "any"], 1],
    ["breaking.json", ["--fail-on", "none"], 0],
  ] as const)("compare base %s %j exits %i", async (head, flags, code) => {
    const r = await runCliCapturing("compare", file("base.json"), file(head), ...flags);
    expect(r.code).toBe(code);
    expect(r.stderr).toBe("");
  });

  it("prints json and markdown on request", async () => {
    const json = await runCliCapturing(
      "compare",
      file("base.json"),
      file("breaking.json"),
      "--format",
      "json",
    );
    const report = JSON.parse(json.stdout);
    expect(report.summary.breaking).toBe(1);
    expect(report.changes.map((c: { id: string }) => c.id)).toContain(
      "response-required-property-removed",
    );
    const md = await runCliCapturing(
      "compare",
      file("base.json"),
      file("breaking.json"),
      "--format=markdown",
    );
    expect(md.stdout).toMatch(/^## API drift/);
    expect(md.stdout).toContain("### `GET /things/{id}`");
  });

  it.each([
    ["a missing file", ["compare", "nope.json", "base.json"], "nope.json: file not found"],
    [
      "a file that is not OpenAPI",
      ["compare", "base.json", "not-openapi.json"],
      "not-openapi.json: not an OpenAPI document",
    ],
    ["invalid YAML", ["compare", "broken.yaml", "base.json"], "broken.yaml: neither JSON, YAML"],
    [
      "an unknown flag",
      ["compare", "base.json", "base.json", "--colour"],
      "unknown option --colour\nTry `heygen-spec-drift compare --help`.",
    ],
    [
      "a bad --fail-on",
      ["compare", "base.json", "base.json", "--fail-on", "sometimes"],
      '--fail-on must be one of breaking, warning, any, none, got "sometimes"',
    ],
    [
      "a bad --format",
      ["compare", "base.json", "base.json", "--format", "xml"],
      "--format must be one of text, markdown, json",
    ],
    [
      "a $ref cycle that never reaches a schema",
      ["compare", "base.json", "cycle.json"],
      "cycle.json: circular $ref #/components/schemas/",
    ],
    ["one document", ["compare", "base.json"], "compare takes exactly two documents, got 1"],
    ["an unknown command", ["diff", "base.json", "base.json"], 'unknown command "diff"'],
  ])("exits 2 on %s, naming the problem without a stack trace", async (_name, argv, message) => {
    const r = await runCliCapturing(
      ...argv.map((a) => (a.endsWith(".json") || a.endsWith(".yaml") ? file(a) : a)),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("lists the rule catalogue", async () => {
    const r = await runCliCapturing("rules", "--format", "markdown");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| `response-became-nullable` | breaking | response | yes |");
  });
});

describe("the built bin", () => {
  let cli: string;

  beforeAll(async () => {
    // Built from the same entry as dist/cli.js, into node_modules so dependencies resolve.
    const outDir = join(import.meta.dirname, "../node_modules/.cache/spec-drift-cli-test");
    await mkdir(outDir, { recursive: true });
    await build({
      entry: { cli: join(import.meta.dirname, "../src/cli.ts") },
      format: ["esm"],
      outDir,
      target: "node20",
      silent: true,
      config: false,
      dts: false,
      clean: true,
      external: ["yaml"],
    });
    cli = join(outDir, "cli.js");
  });

  const spawn = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], (error, stdout, stderr) => {
        resolve({
          code: typeof error?.code === "number" ? error.code : error ? -1 : 0,
          stdout,
          stderr,
        });
      });
    });

  it("exits 1 on a breaking change and prints the report", async () => {
    const r = await spawn("compare", file("base.json"), file("breaking.json"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("BREAKING response-required-property-removed");
  });

  it("exits 0 below the threshold", async () => {
    expect((await spawn("compare", file("base.json"), file("warning.json"))).code).toBe(0);
  });

  it("exits 2 on a missing file, with one line on stderr", async () => {
    const r = await spawn("compare", file("ops.json"), file("missing.json"));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `heygen-spec-drift: error: ${file("missing.json")}: file not found`,
    );
  });
});
