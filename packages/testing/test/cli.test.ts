import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseCli } from "../src/cli.js";

const BIN = fileURLToPath(new URL("../bin/heygen-fake.mjs", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Runs the committed bin as a real subprocess (it imports the built dist/cli.js). */
function start(args: string[]) {
  if (!existsSync(fileURLToPath(new URL("../dist/cli.js", import.meta.url)))) {
    throw new Error(
      "dist/cli.js is missing: build the package first (turbo runs build before test)",
    );
  }
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  /** Resolves with the URL once the server printed it. */
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) =>
      reject(new Error(`heygen-fake exited (${code}) before listening: ${stderr}`)),
    );
  });
  // Runs that never listen (help, bad arguments) leave `url` rejected and unawaited.
  url.catch(() => undefined);
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe("heygen-fake", () => {
  it("serves on the given port until SIGTERM, then exits 0", async () => {
    const run = start(["--port", "0", "--seed", "5", "--api-key", "cli-key"]);
    const url = await run.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${url}/v3/videos`, {
      method: "POST",
      headers: { "x-api-key": "cli-key", "content-type": "application/json" },
      body: JSON.stringify({ type: "avatar", avatar_id: "a", script: "Hi" }),
    });
    expect(ok.status).toBe(200);
    const { data } = (await ok.json()) as { data: { video_id: string } };
    const read = await fetch(`${url}/v3/videos/${data.video_id}`, {
      headers: { "x-api-key": "cli-key" },
    });
    expect(((await read.json()) as { data: { status: string } }).data.status).toBe("pending");
    expect((await fetch(`${url}/v3/users/me`, { headers: { "x-api-key": "wrong" } })).status).toBe(
      401,
    );
    expect(run.output().stdout).not.toContain("cli-key");
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain("heygen-fake stopped");
  });

  it("stops cleanly on SIGINT too", async () => {
    const run = start(["--port", "0"]);
    const url = await run.url;
    expect(
      (await fetch(`${url}/v3/users/me`, { headers: { "x-api-key": "test-key" } })).status,
    ).toBe(200);
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
  });

  it("prints its help and version, and refuses bad arguments with exit code 2", async () => {
    const help = start(["--help"]);
    expect(await help.exited).toBe(0);
    expect(help.output().stdout).toContain("Usage: heygen-fake");
    const version = start(["--version"]);
    expect(await version.exited).toBe(0);
    expect(version.output().stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const bad = start(["--port", "many"]);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toContain("--port must be a whole number");
  });
});

describe("parseCli", () => {
  it("defaults to port 4010, seed 1 and test-key", () => {
    expect(parseCli([])).toEqual({ kind: "serve", port: 4010, seed: 1, apiKey: "test-key" });
    expect(() => parseCli(["--port", "70000"])).toThrow(/65535/);
    expect(() => parseCli(["--api-key", ""])).toThrow(/empty/);
    expect(() => parseCli(["--nope"])).toThrow();
  });
});
