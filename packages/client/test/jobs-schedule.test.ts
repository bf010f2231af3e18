// The polling schedule of waitUntilDone, heygen-cli's: first poll at once, then 2 s doubling to
// 30 s, each delay jittered by x0.75 to x1.25, for 20 minutes. Driven on vitest's fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { waitUntilDone } from "../src/jobs.js";
import { createRedactor } from "../src/redact.js";

const states = { statusField: "status", done: ["completed"], failed: ["failed"] } as const;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The times (ms after the start) at which `get` was called, for a job that never ends. */
async function pollTimes(random: number, polls: number): Promise<number[]> {
  vi.spyOn(Math, "random").mockReturnValue(random);
  const start = Date.now();
  const times: number[] = [];
  const p = waitUntilDone(
    "GET /x",
    async () => {
      times.push(Date.now() - start);
      return { status: "processing" };
    },
    states,
    undefined,
    createRedactor(["k"]),
  ).catch((e: unknown) => e);
  while (times.length < polls) await vi.advanceTimersToNextTimerAsync();
  await vi.runAllTimersAsync();
  const e = await p;
  expect((e as Error).name).toBe("JobTimeoutError");
  return times;
}

describe("waitUntilDone's schedule", () => {
  it("polls at once, then after 2, 4, 8, 16, 30, 30 s without jitter (random 0.5)", async () => {
    const times = await pollTimes(0.5, 7);
    const gaps = times.slice(1, 7).map((t, i) => t - (times[i] as number));
    expect(times[0]).toBe(0);
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it("jitters each delay by x0.75 to x1.25, and gives up at 20 minutes", async () => {
    const low = await pollTimes(0, 3);
    expect(low[1]).toBe(1_500);
    expect((low[2] as number) - (low[1] as number)).toBe(3_000);
    const high = await pollTimes(0.999_999, 3);
    // the fake clock counts whole milliseconds
    expect(high[1]).toBeGreaterThanOrEqual(2_499);
    expect(high[1]).toBeLessThanOrEqual(2_500);
    expect(high.at(-1)).toBe(1_200_000);
  });
});
