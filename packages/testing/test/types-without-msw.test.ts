import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// A consumer that has @heygen-openapi/testing but not msw, type-checked without skipLibCheck
// against the built declarations, in a directory where msw cannot resolve.
const require = createRequire(import.meta.url);
const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const TYPES = dirname(require.resolve("@heygen-openapi/types/package.json"));
const TSC = require.resolve("typescript/bin/tsc");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const CONSUMER = `
import { createFakeHeyGen, type FakeHeyGen } from "@heygen-openapi/testing";
const fake: FakeHeyGen = await createFakeHeyGen({ apiKey: "k", jobs: { pendingReads: 1 } });
const url: string = await fake.listen({ port: 0 });
const first = fake.handlers[0];
const status: string | undefined = fake.jobs.list("video")[0]?.status;
const deliveries: number = (await fake.waitForDeliveries(0)).length;
// @ts-expect-error not a job kind
fake.jobs.list("hologram");
export { first, status, deliveries, url };
`;

function consumer(indexDts: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "heygen-no-msw-"));
  dirs.push(dir);
  const testing = join(dir, "node_modules/@heygen-openapi/testing");
  mkdirSync(join(testing, "dist"), { recursive: true });
  cpSync(join(PACKAGE, "package.json"), join(testing, "package.json"));
  for (const file of ["index.d.ts", "index.d.cts"]) {
    writeFileSync(
      join(testing, "dist", file),
      indexDts(readFileSync(join(PACKAGE, "dist", file), "utf8")),
    );
  }
  const types = join(dir, "node_modules/@heygen-openapi/types");
  mkdirSync(types, { recursive: true });
  cpSync(join(TYPES, "package.json"), join(types, "package.json"));
  cpSync(join(TYPES, "dist"), join(types, "dist"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(dir, "consumer.ts"), CONSUMER);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  return dir;
}

function tsc(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, "-p", join(dir, "tsconfig.json")], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe("the package's types without msw", () => {
  it("type-check a consumer without skipLibCheck", async () => {
    const result = await tsc(consumer((text) => text));
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("would fail with TS2307 if the msw import were not marked optional (the check has teeth)", async () => {
    const result = await tsc(
      consumer((text) => text.replace(/\/\/ @ts-ignore\n(?=import \{ HttpHandler \})/, "")),
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("TS2307");
    expect(result.output).toContain("'msw'");
  });
});
