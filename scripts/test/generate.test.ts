import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { copyCheckout, runScript } from "./support.mjs";

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

const GENERATED = [
  "specs/v2/openapi.json",
  "packages/types/openapi/v2.json",
  "packages/types/src/generated/v2.ts",
  "specs/v3/openapi.json",
  "packages/types/openapi/v3.json",
  "packages/types/src/generated/v3.ts",
  "packages/types/src/generated/registry.ts",
  "packages/types/src/generated/schemas.ts",
];

async function snapshot(root: string) {
  return Promise.all(GENERATED.map((f) => readFile(join(root, f), "utf8")));
}

describe("pnpm generate --check", () => {
  test("passes on the committed checkout: the generated files are not stale", async () => {
    const result = await runScript("generate.mjs", ["--check"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/up to date \(8 checked\)/);
  });

  test("fails and names each stale file when the specs changed", async () => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    const file = join(copy.root, "specs/v3/upstream/external-api.json");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(
        '"Display name of the avatar."',
        '"The avatar\'s name."',
      ),
    );
    const result = await runScript("generate.mjs", ["--check", "--root", copy.root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("specs/v3/openapi.json");
    expect(result.stderr).toContain("packages/types/src/generated/v3.ts");
    expect(result.stderr).not.toContain("v2");
  });

  test("generate then rewrites exactly the stale files, after which the check passes", async () => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    await writeFile(join(copy.root, "packages/types/src/generated/v2.ts"), "// tampered\n");
    const generated = await runScript("generate.mjs", ["--write", "--root", copy.root]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toBe("generated: packages/types/src/generated/v2.ts\n");
    expect((await runScript("generate.mjs", ["--check", "--root", copy.root])).code).toBe(0);
  });
});

describe("pnpm generate in CI", () => {
  test("only checks (never rewrites stale output) unless --write is given", async () => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    const v2 = join(copy.root, "packages/types/src/generated/v2.ts");
    await writeFile(v2, "// tampered\n");
    const result = await runScript("generate.mjs", ["--root", copy.root], { CI: "true" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("packages/types/src/generated/v2.ts");
    expect(await readFile(v2, "utf8")).toBe("// tampered\n");
  });
});

describe("bad input", () => {
  test.each([
    [
      "malformed JSON",
      "specs/v2/upstream/photo-avatar-details.json",
      (t: string) => t.replace('"openapi": "3.1.0",', '"openapi": "3.1.0"'),
      /specs\/v2\/upstream\/photo-avatar-details\.json \(line 3, column 3\): invalid JSON/,
    ],
    [
      "malformed YAML",
      "specs/v3/corrections.overlay.yaml",
      (t: string) => t.replace("actions:\n", "actions:\n  - [unclosed\n"),
      /specs\/v3\/corrections\.overlay\.yaml \(line \d+, column \d+\): invalid YAML/,
    ],
    [
      "a dangling $ref",
      "specs/v3/upstream/external-api.json",
      (t: string) =>
        t.replace('"#/components/schemas/AvatarGroupItem"', '"#/components/schemas/Missing"'),
      /specs\/v3\/openapi\.json \(at \/paths\/~1v3~1avatars.*\): invalid OpenAPI: Can't resolve \$ref/,
    ],
    [
      "a $ref cycle that never reaches a schema",
      "specs/v3/upstream/external-api.json",
      (t: string) =>
        t
          .replace(
            '"schemas": {',
            '"schemas": {"LoopA": {"$ref": "#/components/schemas/LoopB"}, "LoopB": {"$ref": "#/components/schemas/LoopA"},',
          )
          .replace('"#/components/schemas/AvatarGroupItem"', '"#/components/schemas/LoopA"'),
      /specs\/v3\/upstream\/external-api\.json \(at \/components\/schemas\/Loop[AB]\): circular \$ref that never reaches a schema: (#\/components\/schemas\/Loop[AB]( -> )?){3}/,
    ],
    [
      "a YAML alias bomb",
      "specs/v3/corrections.overlay.yaml",
      (t: string) =>
        `${t}x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${"bcdefgh"
          .split("")
          .map((c, i) => `x-${c}: &${c} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)
          .join("\n")}\n`,
      /specs\/v3\/corrections\.overlay\.yaml: invalid YAML: .*alias/i,
    ],
    [
      "JSON nested far too deep",
      "specs/v2/upstream/photo-avatar-details.json",
      (t: string) =>
        t.replace(
          '{\n  "openapi"',
          `{\n  "x-deep": ${"[".repeat(100_000)}${"]".repeat(100_000)},\n  "openapi"`,
        ),
      /specs\/v2\/upstream\/photo-avatar-details\.json \(at \/x-deep\/0\/0.*\): nested more than 256 levels deep/,
    ],
    [
      "a missing file",
      "specs/v3/upstream/external-api.json",
      null,
      /specs\/v3\/upstream\/external-api\.json: cannot read the file/,
    ],
  ])("%s exits 2 with a message naming the file and place, leaving generated files untouched", async (_name, file, edit, message) => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    const before = await snapshot(copy.root);
    const path = join(copy.root, file);
    if (edit) await writeFile(path, edit(await readFile(path, "utf8")));
    else await (await import("node:fs/promises")).rm(path);
    // Make a change that, if generation went ahead halfway, would rewrite v2's files.
    const v2 = join(copy.root, "packages/types/src/generated/v2.ts");
    await writeFile(v2, "// stale\n");
    const result = await runScript("generate.mjs", ["--root", copy.root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const after = await snapshot(copy.root);
    expect(after[2]).toBe("// stale\n");
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
  });
});
