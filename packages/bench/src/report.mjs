/**
 * @param {number} n
 * @param {number} [digits]
 */
const fmt = (n, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/**
 * Renders one side-by-side comparison as a table: per variant, the median time per operation
 * with its spread over rounds, operations per second, and the ratio to the baseline.
 * @param {import("./harness.mjs").Comparison} cmp
 */
export function comparisonTable(cmp) {
  const rows = cmp.variants.map((v) => {
    const r = cmp.ratios[v.id];
    return [
      v.label,
      `${fmt(v.msPerOp.median)} ms [${fmt(v.msPerOp.min)}..${fmt(v.msPerOp.max)}]`,
      v.opsPerSec >= 100 ? Math.round(v.opsPerSec).toLocaleString("en") : fmt(v.opsPerSec, 2),
      r ? `${fmt(r.median)}x [${fmt(r.min)}..${fmt(r.max)}]` : "",
    ];
  });
  return table(
    [`${cmp.title} (baseline: ${cmp.baseline})`],
    ["variant", "time/op median [min..max]", "ops/s", "ratio to baseline (per round)"],
    rows,
  );
}

/**
 * @param {string[]} heading
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function table(heading, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (/** @type {string[]} */ cells) =>
    `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")}`;
  return [
    ...heading,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
  ].join("\n");
}

/**
 * Renders the budgets and goals with PASS / MISS.
 * @param {import("./budgets.mjs").Check[]} checks
 */
export function checksTable(checks) {
  return table(
    ["Budgets (must hold) and goals"],
    ["", "kind", "check", "measured"],
    checks.map((c) => [c.pass ? "PASS" : "MISS", c.kind, c.name, `${fmt(c.value)}${c.unit ?? ""}`]),
  );
}
