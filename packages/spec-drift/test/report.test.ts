import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueBlock, renderRuleCatalogue } from "../scripts/rule-catalogue.mjs";
import { compareSpecs, formatReport, RULES, summarize } from "../src/index.js";
import type { DriftReport } from "../src/types.js";
import { changesOf, obj, responseBody } from "./helpers.js";

async function sampleReport(): Promise<DriftReport> {
  const base = responseBody(
    obj({ a: { type: "string" }, b: { type: "string", description: "old | text" } }, ["a"]),
  );
  const head = responseBody(
    obj({ b: { type: "string", description: "new | text" }, c: { type: "string", enum: ["x"] } }),
  );
  const changes = await changesOf(base, head);
  return { base: "old.yaml", head: "new.yaml", changes, summary: summarize(changes) };
}

describe("formatReport", () => {
  it("summarises counts", async () => {
    const { summary } = await sampleReport();
    expect(summary).toEqual({
      breaking: 1,
      warning: 0,
      info: 2,
      total: 3,
      affectsTypes: 2,
      operations: 1,
      highest: "breaking",
    });
  });

  it("renders markdown with a summary table, then details by operation", async () => {
    const md = formatReport(await sampleReport(), "markdown");
    expect(md).toContain("## API drift: `old.yaml` → `new.yaml`");
    expect(md).toMatch(/\| Level \| Changes \|\n\| --- \| ---: \|\n\| 🔴 breaking \| 1 \|/);
    expect(md).toContain("| `GET /things/{id}` | 1 | 0 | 2 |");
    expect(md).toContain("### `GET /things/{id}`");
    expect(md.indexOf("| Level | Changes |")).toBeLessThan(md.indexOf("### `GET /things/{id}`"));
    expect(md).toContain("<details><summary>2 info changes</summary>");
    expect(md).toContain("`response-required-property-removed`");
  });

  it("bounds the markdown details for huge reports and says how many it left out", () => {
    const change = {
      id: "response-docs-changed",
      level: "info" as const,
      direction: "response" as const,
      location: "x",
      message: "m",
      affectsTypes: false,
    };
    const changes = Array.from({ length: 400 }, (_, i) => ({
      ...change,
      operation: `GET /op${String(i).padStart(3, "0")}`,
    }));
    const md = formatReport(
      { base: "a", head: "b", changes, summary: summarize(changes) },
      "markdown",
    );
    expect(md).toContain("| 🔵 info | 400 |");
    expect(md).toContain("_100 more changes not shown; run with `--format json` for all of them._");
    expect(md).not.toContain("### `GET /op350`");
  });

  it("escapes pipes so a table cell cannot break the table", async () => {
    const report = await sampleReport();
    report.changes[0] = {
      ...(report.changes[0] as DriftReport["changes"][number]),
      message: "a | b",
    };
    expect(formatReport(report, "markdown")).toContain("a \\| b");
  });

  it("renders text grouped by operation and json that round-trips", async () => {
    const report = await sampleReport();
    const text = formatReport(report, "text");
    expect(text).toContain(
      "1 breaking, 0 warning, 2 info across 1 operation; 2 alter generated types.",
    );
    expect(text).toContain(
      "\nGET /things/{id}\n  BREAKING response-required-property-removed [types]",
    );
    expect(JSON.parse(formatReport(report, "json"))).toEqual(report);
  });

  it("says so when there are no changes", () => {
    const empty: DriftReport = { base: "a", head: "b", changes: [], summary: summarize([]) };
    expect(formatReport(empty, "text")).toContain("No changes.");
    expect(empty.summary.highest).toBe("none");
  });
});

describe("RULES", () => {
  it("are the README's catalogue, row for row (run `pnpm readme` after a change)", () => {
    const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");
    expect(catalogueBlock(readme)).toBe(renderRuleCatalogue(RULES));
    for (const id of Object.keys(RULES)) expect(readme).toContain(`| \`${id}\` |`);
  });

  it("gives every rule a level, a direction and a summary, and request/response ids their direction", () => {
    for (const rule of Object.values(RULES)) {
      expect(["breaking", "warning", "info"]).toContain(rule.level);
      expect(rule.summary.length).toBeGreaterThan(10);
      if (rule.id.startsWith("request-")) expect(rule.direction).toBe("request");
      if (rule.id.startsWith("response-")) expect(rule.direction).toBe("response");
    }
  });
});

describe("document-wide changes", () => {
  it("are grouped as the whole document and not counted as an operation", async () => {
    const base = responseBody(obj({ a: { type: "string" } }));
    const head = responseBody(obj({ a: { type: "string" }, b: { type: "string" } }));
    head.components = { securitySchemes: { key: { type: "apiKey", in: "header", name: "k" } } };
    const report = await compareSpecs(base, head);
    expect(report.summary.operations).toBe(1);
    const text = formatReport(report);
    expect(text).toContain("across 1 operation and the document;");
    expect(text).toContain("\nwhole document\n  INFO     security-scheme-added");
    expect(formatReport(report, "markdown")).toContain("| `whole document` | 0 | 0 | 1 |");
  });
});
