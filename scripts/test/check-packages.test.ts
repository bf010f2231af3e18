import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { packageProblems, workspaceProblems } from "../src/check-packages.mjs";
import { binEntries, listPublicPackages, type PackageManifest } from "../src/workspace.mjs";

const repoRoot = resolve(import.meta.dirname, "../..");

describe("listPublicPackages", () => {
  test("is every package.json under packages/ without private: true, and nothing private", async () => {
    const expected: string[] = [];
    for (const dir of await readdir(join(repoRoot, "packages"))) {
      const manifest = JSON.parse(
        await readFile(join(repoRoot, "packages", dir, "package.json"), "utf8"),
      ) as PackageManifest;
      if (manifest.private !== true) expected.push(manifest.name);
    }
    const listed = listPublicPackages(repoRoot);
    expect(listed.map((p) => p.name).sort()).toEqual(expected.sort());
    expect(listed.every((p) => p.manifest.private !== true)).toBe(true);
    expect(listed.map((p) => p.name)).not.toContain("@heygen-openapi/bench");
  });

  test("binEntries names a string bin after the package", () => {
    expect(binEntries({ name: "@s/tool", version: "1.0.0", bin: "./bin/t.mjs" })).toEqual([
      ["tool", "./bin/t.mjs"],
    ]);
    expect(binEntries({ name: "x", version: "1.0.0" })).toEqual([]);
  });
});

describe("package metadata check", () => {
  test("the workspace's public packages pass it", () => {
    const { checked, problems } = workspaceProblems(repoRoot);
    expect(problems).toEqual([]);
    expect(checked).toBe(listPublicPackages(repoRoot).length);
  });

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "heygen-check-packages-"));
    await writeFile(join(dir, "LICENSE"), "MIT\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test("names each missing field, pinned or private dependency, dist bin and LICENSE", () => {
    const manifest: PackageManifest = {
      name: "@heygen-openapi/new",
      version: "0.0.0",
      repository: { type: "git", url: "git+https://example.test/r.git", directory: "packages/x" },
      license: "ISC",
      dependencies: {
        ajv: "8.17.1",
        yaml: "^2.8.1",
        "@heygen-openapi/types": "workspace:*",
        "@heygen-openapi/spec-tools": "workspace:^",
      },
      bin: { "new-cli": "./dist/cli.js" },
    };
    const internal = new Map([
      ["@heygen-openapi/types", false],
      ["@heygen-openapi/spec-tools", true],
    ]);
    const problems = packageProblems(
      { name: manifest.name, dir: join(dir, "packages/new"), manifest },
      dir,
      internal,
    );
    expect(problems).toEqual([
      'repository.directory must be "packages/new"',
      "homepage is missing",
      "bugs (url) is missing",
      "keywords are missing",
      'license must be "MIT"',
      'engines.node must be ">=20.19"',
      "description is missing",
      "LICENSE is missing (a copy of the root LICENSE)",
      'dependencies.ajv must be a caret range (is "8.17.1")',
      'dependencies.@heygen-openapi/types must be "workspace:^"',
      "dependencies.@heygen-openapi/spec-tools is a private package: it is never published",
      "bin new-cli points into dist/, which a fresh install does not have yet",
    ]);
  });
});
