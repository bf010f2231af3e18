/**
 * Median of a list of numbers (the mean of the middle two for an even count).
 * @param {number[]} values
 */
export function median(values) {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => /** @type {number} */ (sorted[i]);
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * Summarises per-round values: median and the spread (min and max) around it.
 * @param {number[]} values
 * @returns {{ median: number, min: number, max: number, rounds: number }}
 */
export function summarize(values) {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    rounds: values.length,
  };
}

/**
 * Ratios of each variant to the baseline, computed round by round (so that drift of the machine
 * between rounds cancels out), then summarised.
 * @param {Array<Record<string, number>>} rounds per round, each variant's mean time per op
 * @param {string} baseline the variant the others are divided by
 * @returns {Record<string, ReturnType<typeof summarize>>}
 */
export function pairwiseRatios(rounds, baseline) {
  /** @type {Record<string, number[]>} */
  const perVariant = {};
  for (const round of rounds) {
    const base = round[baseline];
    if (base === undefined || base <= 0)
      throw new Error(`round without a time for the baseline ${baseline}`);
    for (const [id, time] of Object.entries(round)) {
      perVariant[id] ??= [];
      perVariant[id].push(time / base);
    }
  }
  return Object.fromEntries(
    Object.entries(perVariant).map(([id, ratios]) => [id, summarize(ratios)]),
  );
}
