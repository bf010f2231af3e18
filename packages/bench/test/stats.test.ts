import { describe, expect, test } from "vitest";
import { check, evaluate } from "../src/budgets.mjs";
import { compareSideBySide, compareSlowSteps } from "../src/harness.mjs";
import { median, pairwiseRatios, summarize } from "../src/stats.mjs";

describe("statistics", () => {
  test("median of odd and even counts, unsorted input", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
  });

  test("ratios are taken within each round, so a slow round cancels out", () => {
    // Round 2 ran on a machine twice as slow: per-round ratios stay at 1.5x.
    const rounds = [
      { base: 10, other: 15 },
      { base: 20, other: 30 },
      { base: 10, other: 15 },
    ];
    const ratios = pairwiseRatios(rounds, "base");
    expect(ratios.other).toEqual({ median: 1.5, min: 1.5, max: 1.5, rounds: 3 });
    expect(ratios.base?.median).toBe(1);
    // Pooling the times first would give a different, drift-polluted answer.
    expect(summarize([15, 30, 15]).median / summarize([10, 20, 10]).median).toBe(1.5);
    expect(() => pairwiseRatios([{ other: 1 }], "base")).toThrow(/baseline base/);
  });
});

describe("harness", () => {
  test("side by side: every variant is measured each round, as a ratio to the baseline", async () => {
    const spin = (n: number) => () => {
      let s = 0;
      for (let i = 0; i < n; i += 1) s += Math.sqrt(i);
      return s;
    };
    const result = await compareSideBySide({
      title: "t",
      baseline: "one",
      rounds: 3,
      time: 30,
      warmupTime: 5,
      variants: [
        { id: "one", label: "one unit", fn: spin(20_000) },
        { id: "two", label: "two units", fn: spin(80_000) },
      ],
    });
    expect(result.variants.map((v) => v.id)).toEqual(["one", "two"]);
    // The shape, not the speed: how much slower "two" measures depends on the machine's load
    // (the ratio arithmetic itself is proven on fixed numbers above). Speed is for `pnpm bench`.
    expect(result.ratios.one).toMatchObject({ median: 1, rounds: 3 });
    expect(result.ratios.two?.rounds).toBe(3);
    expect(Number.isFinite(result.ratios.two?.median)).toBe(true);
    expect(result.ratios.two?.median).toBeGreaterThan(0);
  });

  test("a failing variant fails the comparison, naming it", async () => {
    await expect(
      compareSideBySide({
        title: "t",
        baseline: "ok",
        rounds: 1,
        time: 5,
        warmupTime: 1,
        variants: [
          { id: "ok", label: "ok", fn: () => 1 },
          {
            id: "broken",
            label: "broken",
            fn: () => {
              throw new Error("boom");
            },
          },
        ],
      }),
    ).rejects.toThrow(/t: broken did not complete/);
  });

  test("slow steps divide by opsPerCall and alternate order", async () => {
    const order: string[] = [];
    const result = await compareSlowSteps({
      title: "s",
      baseline: "a",
      rounds: 2,
      warmup: false,
      variants: [
        { id: "a", label: "a", fn: () => order.push("a") },
        { id: "b", label: "b", fn: () => order.push("b"), opsPerCall: 10 },
      ],
    });
    expect(order).toEqual(["a", "b", "b", "a"]);
    expect(result.variants[1]?.msPerOp.rounds).toBe(2);
  });
});

describe("budgets", () => {
  test("check passes at the limit and fails past it or on a missing value", () => {
    expect(check("budget", "x", 1.05, "<=", 1.05).pass).toBe(true);
    expect(check("budget", "x", 1.051, "<=", 1.05).pass).toBe(false);
    expect(check("goal", "x", 0.79, ">=", 0.8).pass).toBe(false);
    expect(check("goal", "x", Number.NaN, "<=", 1).pass).toBe(false);
  });

  test("evaluate derives client/openapi-fetch from the per-round ratios to raw fetch", () => {
    const cmp = (title: string, ratios: Record<string, number>) => ({
      title,
      ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, { median: v }])),
      perRound: [ratios, ratios],
    });
    const checks = evaluate({
      loopback: [
        cmp("sequential", { raw: 1, "openapi-fetch": 1.2, client: 1.25 }),
        cmp("concurrency 16", { raw: 1, "openapi-fetch": 1.1, client: 1.3 }),
        cmp("retries", { retries: 1.01 }),
      ],
      pagination: { heap: { client: { growthBytes: 0 } } },
      fake: [
        cmp("http", { fake: 1.1 }),
        cmp("fetch", { "fake-fetch": 0.2 }),
        cmp("startup", { fake: 4 }),
      ],
      bundle: { ratio: 1.4 },
      typecheck: { ratios: { biggerSpecVsClientInstantiations: 1 } },
      clientCpu: cmp("same thread", { "openapi-fetch": 1, client: 1.12 }),
      clientTypecheck: {
        ratios: { fiveCallsInstantiations: 0.5, wholeApiVsFiveOperationsInstantiations: 1.3 },
      },
      clientSize: { whole: { gzipBytes: 14_000 }, videosOnlyShare: 0.7 },
    });
    const byName = Object.fromEntries(checks.map((c) => [c.name, c.pass]));
    expect(byName["loopback sequential: client / openapi-fetch <= 1.05x"]).toBe(true); // 1.25/1.2 = 1.042
    expect(byName["loopback concurrency 16: client / openapi-fetch <= 1.05x"]).toBe(false); // 1.18
    expect(byName["fake.fetch speed / bare server over loopback >= 3x"]).toBe(true); // 5x
    // issue 11's budgets on the client
    expect(byName["same-thread CPU per GET: client / openapi-fetch <= 1.1x"]).toBe(false);
    expect(byName["5 v3 calls, instantiations: client / openapi-fetch <= 1x"]).toBe(true);
    expect(byName["instantiations: whole API through the client / 5-operation spec <= 1.2x"]).toBe(
      false,
    );
    expect(byName["whole client (gzip) <= 15 kB"]).toBe(true);
    expect(byName["only videos / whole client (gzip) < 1x"]).toBe(true);
    expect(byName["client bundle / openapi-fetch (gzip) <= 1.5x"]).toBe(true); // now a goal
    expect(checks.filter((c) => c.kind === "budget")).toHaveLength(10);
  });
});
