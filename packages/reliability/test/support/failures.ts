import { beforeEach } from "vitest";

/**
 * Counts every failing test of the current file in `figures.failures`, so the figures a suite
 * prints at the end say how many of its tests failed. Call once at the top level of a file.
 */
export function countFailures(figures: { failures: number }): void {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      figures.failures++;
    });
  });
}
