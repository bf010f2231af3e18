import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCapturing } from "./helpers.js";

describe("the command line a CI job runs", () => {
  it("--version prints the package version", async () => {
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, "../package.json"), "utf8"));
    for (const flag of ["--version", "-v"]) {
      const r = await runCliCapturing(flag);
      expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    }
  });

  it.each([
    ["compare", "compare <base> <head>", "--timeout"],
    ["upstream", "upstream <manifest.json>", "cross-check"],
    ["rules", "rules [--format", "rule catalogue"],
  ])("%s --help prints that command's help", async (command, usage, detail) => {
    for (const argv of [
      [command, "--help"],
      ["help", command],
      [command, "-h"],
    ]) {
      const r = await runCliCapturing(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        new RegExp(`^Usage: heygen-spec-drift ${usage.replace(/[[\]]/g, "\\$&")}`),
      );
      expect(r.stdout).toContain(detail);
    }
  });

  it("--help alone lists every command", async () => {
    const r = await runCliCapturing("--help");
    expect(r.code).toBe(0);
    for (const command of ["compare", "upstream", "rules", "--version"])
      expect(r.stdout).toContain(`heygen-spec-drift ${command}`);
  });

  it.each([
    [["compare", "a.json"], "compare takes exactly two documents, got 1", "compare"],
    [["compare", "a.json", "b.json", "--colour"], "unknown option --colour", "compare"],
    [["upstream", "m.json", "--format"], "--format needs a value", "upstream"],
    [
      ["compare", "a", "b", "--timeout", "soon"],
      '--timeout must be a positive number of seconds, got "soon"',
      "compare",
    ],
    [["diff", "a", "b"], 'unknown command "diff" (expected compare, upstream or rules)', ""],
    [[], "missing command (compare, upstream or rules)", ""],
  ])("%j is one line and a hint, not the whole usage", async (argv, message, command) => {
    const r = await runCliCapturing(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const hint = `Try \`heygen-spec-drift ${command ? `${command} ` : ""}--help\`.`;
    expect(r.stderr).toBe(`heygen-spec-drift: ${message}\n${hint}\n`);
  });
});
