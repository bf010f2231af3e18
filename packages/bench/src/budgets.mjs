import { pairwiseRatios } from "./stats.mjs";

/**
 * @typedef {{ name: string, kind: "budget" | "goal", value: number, limit: number, unit?: string, pass: boolean }} Check
 */

/**
 * One budget (must hold: `pnpm bench` fails without it) or goal (reported) on a measured value.
 * @param {"budget" | "goal"} kind
 * @param {string} name
 * @param {number} value
 * @param {"<=" | ">=" | "<"} op
 * @param {number} limit
 * @param {string} [unit]
 * @returns {Check}
 */
export function check(kind, name, value, op, limit, unit = "x") {
  const pass =
    Number.isFinite(value) &&
    (op === "<=" ? value <= limit : op === "<" ? value < limit : value >= limit);
  return { name: `${name} ${op} ${limit}${unit}`, kind, value, limit, unit, pass };
}

/**
 * The budgets of issue 11 (and issue 10 §4) on the client: per-request CPU, type-check cost, size.
 * @param {Record<string, any>} r
 * @returns {Check[]}
 */
function clientChecks(r) {
  const t = r.clientTypecheck.ratios;
  return [
    check(
      "budget",
      "same-thread CPU per GET: client / openapi-fetch",
      pairwiseRatios(r.clientCpu.perRound, "openapi-fetch").client?.median ?? Number.NaN,
      "<=",
      1.1,
    ),
    check(
      "budget",
      "5 v3 calls, instantiations: client / openapi-fetch",
      t.fiveCallsInstantiations,
      "<=",
      1,
    ),
    check(
      "budget",
      "instantiations: whole API through the client / 5-operation spec",
      t.wholeApiVsFiveOperationsInstantiations,
      "<=",
      1.2,
    ),
    check("budget", "whole client (gzip)", r.clientSize.whole.gzipBytes / 1000, "<=", 15, " kB"),
    check("budget", "only videos / whole client (gzip)", r.clientSize.videosOnlyShare, "<", 1),
  ];
}

/**
 * Every budget and goal of the benchmark issue, evaluated on the results of one run.
 * @param {Record<string, any>} r the results keyed by benchmark
 * @returns {Check[]}
 */
export function evaluate(r) {
  /** @type {Check[]} */
  const checks = [];
  const ratio = (/** @type {any} */ cmp, /** @type {string} */ id) => cmp.ratios[id].median;
  for (const cmp of r.loopback.slice(0, 2)) {
    const mode = cmp.title.includes("sequential") ? "sequential" : "concurrency 16";
    checks.push(
      check(
        "budget",
        `loopback ${mode}: client / openapi-fetch`,
        // against openapi-fetch round by round too, not as a quotient of two medians
        pairwiseRatios(cmp.perRound, "openapi-fetch").client?.median ?? Number.NaN,
        "<=",
        1.05,
      ),
    );
    checks.push(
      check("goal", `loopback ${mode}: client / raw fetch`, ratio(cmp, "client"), "<=", 1.1),
    );
  }
  checks.push(
    check(
      "budget",
      "retry machinery at rest: maxRetries 2 / 0",
      ratio(r.loopback[2], "retries"),
      "<=",
      1.02,
    ),
  );
  const heap = r.pagination.heap.client;
  if (heap)
    checks.push(
      check(
        "budget",
        "pagination heap growth 2,000 -> 20,000 groups",
        heap.growthBytes / 2 ** 20,
        "<=",
        1,
        " MiB",
      ),
    );
  const [http, inProcess, startup] = r.fake;
  checks.push(
    check("goal", "fake.listen() throughput / bare node:http", 1 / ratio(http, "fake"), ">=", 0.8),
  );
  checks.push(
    check(
      "goal",
      "fake.fetch speed / bare server over loopback",
      1 / ratio(inProcess, "fake-fetch"),
      ">=",
      3,
    ),
  );
  checks.push(
    check("goal", "fake start-up / JSON.parse of both specs", ratio(startup, "fake"), "<=", 10),
  );
  // issue 11 replaced issue 3's 1.5x-of-openapi-fetch size goal with absolute ones
  checks.push(check("goal", "client bundle / openapi-fetch (gzip)", r.bundle.ratio, "<=", 1.5));
  checks.push(...clientChecks(r));
  checks.push(
    check(
      "budget",
      "type-check instantiations: +40 operations / base spec",
      r.typecheck.ratios.biggerSpecVsClientInstantiations,
      "<=",
      1.2,
    ),
  );
  return checks;
}
