import { Bench } from "tinybench";
import { pairwiseRatios, summarize } from "./stats.mjs";

/**
 * @typedef {{ id: string, label: string, fn: () => unknown | Promise<unknown>, opsPerCall?: number }} Variant
 * @typedef {{ median: number, min: number, max: number, rounds: number }} Summary
 * @typedef {{ title: string, baseline: string, variants: Array<{ id: string, label: string, msPerOp: Summary, opsPerSec: number }>, ratios: Record<string, Summary>, perRound: Array<Record<string, number>> }} Comparison
 */

/**
 * Measures variants side by side: in each round, tinybench warms each variant up and then times
 * it; the order of the variants alternates between rounds, and ratios to the baseline are taken
 * within each round, so whatever the machine does between rounds cancels out.
 * @param {{ title: string, baseline: string, variants: Variant[], rounds?: number, time?: number, warmupTime?: number }} options
 * @returns {Promise<Comparison>}
 */
export async function compareSideBySide({
  title,
  baseline,
  variants,
  rounds = 5,
  time = 250,
  warmupTime = 80,
}) {
  /** @type {Array<Record<string, number>>} */
  const perRound = [];
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    const bench = new Bench({ time, warmupTime, warmup: true, iterations: 8 });
    for (const variant of order) bench.add(variant.id, variant.fn);
    await bench.run();
    /** @type {Record<string, number>} */
    const times = {};
    for (const task of bench.tasks) {
      const result = /** @type {{ state: string, latency?: { mean: number }, error?: unknown }} */ (
        task.result
      );
      if (result.state !== "completed" || !result.latency) {
        throw new Error(
          `${title}: ${task.name} did not complete (${result.state}): ${String(result.error ?? "")}`,
        );
      }
      const variant = /** @type {Variant} */ (variants.find((v) => v.id === task.name));
      times[task.name] = result.latency.mean / (variant.opsPerCall ?? 1);
    }
    perRound.push(times);
  }
  return comparison(title, baseline, variants, perRound);
}

/**
 * Times whole commands or other slow steps side by side: `rounds` rounds, alternating order,
 * each step run once per round, with ratios to the baseline taken within each round.
 * @param {{ title: string, baseline: string, variants: Variant[], rounds?: number, warmup?: boolean }} options
 * @returns {Promise<Comparison>}
 */
export async function compareSlowSteps({ title, baseline, variants, rounds = 5, warmup = true }) {
  if (warmup) for (const variant of variants) await variant.fn();
  /** @type {Array<Record<string, number>>} */
  const perRound = [];
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    /** @type {Record<string, number>} */
    const times = {};
    for (const variant of order) {
      const start = performance.now();
      await variant.fn();
      times[variant.id] = (performance.now() - start) / (variant.opsPerCall ?? 1);
    }
    perRound.push(times);
  }
  return comparison(title, baseline, variants, perRound);
}

/**
 * Summarises per-round times: each variant's median time per op with its spread, and the ratios
 * to the baseline taken within each round.
 * @param {string} title
 * @param {string} baseline
 * @param {Variant[]} variants
 * @param {Array<Record<string, number>>} perRound
 * @returns {Comparison}
 */
function comparison(title, baseline, variants, perRound) {
  return {
    title,
    baseline,
    variants: variants.map((v) => {
      const msPerOp = summarize(perRound.map((r) => /** @type {number} */ (r[v.id])));
      return { id: v.id, label: v.label, msPerOp, opsPerSec: 1000 / msPerOp.median };
    }),
    ratios: pairwiseRatios(perRound, baseline),
    perRound,
  };
}
