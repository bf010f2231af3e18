import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSpecs } from "../src/index.js";
import { runCli } from "../src/run-cli.js";

// The repository's vendored upstream material: the v3 seed page's definition (one operation)
// and HeyGen's published External API (62 operations), both under specs/v3/upstream/.
const upstream = join(import.meta.dirname, "../../../specs/v3/upstream");
const seed = join(upstream, "get-avatar-group.yaml");
const published = join(upstream, "external-api.json");

const quiet = { stdout: () => {}, stderr: () => {} };

describe("the seed page against HeyGen's published definition", () => {
  it("reports the 61 operations the published definition adds, and nothing breaking", async () => {
    const report = await compareSpecs(seed, published);
    const added = report.changes.filter((c) => c.id === "operation-added");
    expect(added).toHaveLength(61);
    expect(new Set(added.map((c) => c.operation)).size).toBe(61);
    expect(added.map((c) => c.operation)).not.toContain("GET /v3/avatars/{group_id}");
    expect(report.summary.breaking).toBe(0);
    expect(report.summary.warning).toBe(0);
    expect(await runCli(["compare", seed, published], quiet)).toBe(0);
  });

  it("the reverse removes 61 operations and exits 1", async () => {
    const report = await compareSpecs(published, seed);
    const removed = report.changes.filter((c) => c.id === "operation-removed");
    expect(removed).toHaveLength(61);
    expect(removed.every((c) => c.level === "breaking")).toBe(true);
    expect(await runCli(["compare", published, seed], quiet)).toBe(1);
  });
});
