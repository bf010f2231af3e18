import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createFakeHeyGen } from "@heygen-openapi/testing";
import { describe, expect, it } from "vitest";

const DEMO = fileURLToPath(new URL("../demo.mjs", import.meta.url));

/** Runs the demo in a child process with exactly `env` (plus PATH). */
function runDemo(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [DEMO, ...args],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("pnpm demo", () => {
  it("runs every step against the fake with no key", async () => {
    const { code, stdout, stderr } = await runDemo([]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/against the fake HeyGen API at http:\/\/127\.0\.0\.1:\d+/);
    // Auto-pagination: all 13 seeded groups, 5 per page.
    expect(stdout).toContain("✓ 13 groups over 3 pages");
    expect(stdout).toMatch(/ 13\. Anna\s+3 looks\s+ag_abc123/);
    // Batches: 6 keys in requests of 4 and 2.
    expect(stdout).toMatch(/✓ added 6 looks to group \w+ in 2 requests \(4 \+ 2\)/);
    expect(stdout.match(/^ {3}[0-9a-f]{32} {2}pending$/gm)).toHaveLength(6);
    // Waiting, with progress, including the look the fake rejects in moderation.
    for (let n = 1; n <= 6; n++) expect(stdout).toContain(`${n}/6 `);
    expect(stdout).toContain("[############] 6/6");
    expect(stdout).toMatch(/moderation_rejected: The image was rejected/);
    expect(stdout).toMatch(/✓ 5 ready, 1 not \(handled\), after \d+ polls/);
    // A handled error with its code and request id.
    expect(stdout).toContain("✓ caught NotFoundError: status 404, code avatar_group_not_found");
    expect(stdout).toMatch(/request id: fake-1-\d+/);
    // A 429 retried after Retry-After.
    expect(stdout).toMatch(/✓ 429 -> 200: retried after 1000 ms as Retry-After asked; got "\w+"/);
    // The video flow: upload, create, progress to completed, a verified webhook.
    expect(stdout).toMatch(/✓ webhook endpoint \S+ for http:\/\/127\.0\.0\.1:\d+\/heygen/);
    expect(stdout).toMatch(/✓ uploaded \S+ \(image\/png, 51 bytes\)/);
    expect(stdout).toMatch(/✓ video [0-9a-f]{32} created \(waiting\)/);
    expect(stdout).toContain("[############] 4/4 completed");
    expect(stdout).toMatch(/✓ done: https:\/\/\S+\.mp4/);
    expect(stdout).toMatch(
      /✓ webhook \S+: avatar_video\.success, signature verified, same video_url/,
    );
    expect(stdout).toMatch(/✓ \d+ responses, 1 retried/);
  });

  it("ignores HEYGEN_API_KEY without --live, and says so", async () => {
    const { code, stdout } = await runDemo([], { HEYGEN_API_KEY: "real-key-not-used" });
    expect(code).toBe(0);
    expect(stdout).toContain("HEYGEN_API_KEY is set but ignored: pass --live");
    expect(stdout).not.toContain("real-key-not-used");
  });

  it("refuses --live without HEYGEN_API_KEY before sending anything", async () => {
    const { code, stdout, stderr } = await runDemo(["--live"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--live needs HEYGEN_API_KEY");
  });

  it("rejects unknown flags with the usage", async () => {
    const { code, stderr } = await runDemo(["--nope"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: pnpm demo");
  });

  it("runs the live path against whatever HEYGEN_BASE_URL names (here a fake)", async () => {
    const fake = await createFakeHeyGen({ apiKey: "live-key", looks: { pendingReads: 0 } });
    try {
      const url = await fake.listen();
      const group = fake.state.groups({ ownership: "private" })[0]!;
      const { code, stdout } = await runDemo(
        ["--live", "--group", group.id, "--image-key", "k1", "--image-key", "k2"],
        { HEYGEN_API_KEY: "live-key", HEYGEN_BASE_URL: url },
      );
      expect(code).toBe(0);
      expect(stdout).toContain(`LIVE against ${url}`);
      expect(stdout).toContain("✓ 13 groups over 3 pages");
      expect(stdout).toContain(`✓ added 2 looks to group ${group.id} in 1 requests (2)`);
      expect(stdout).toMatch(/✓ 2 ready, 0 not \(handled\)/);
      expect(stdout).toContain("skipped: the real API cannot be asked for a 429");
      expect(stdout).toContain(
        "skipped with --live: it would render a real video and spend credits",
      );
      expect(stdout).not.toContain("live-key");
      expect(fake.state.looks(group.id).filter((l) => l.name === "Demo look")).toHaveLength(2);
      expect(fake.requests.every((r) => r.headers["x-api-key"] === "[redacted]")).toBe(true);
      expect(fake.violations).toEqual([]);
      expect(fake.unmatched).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
