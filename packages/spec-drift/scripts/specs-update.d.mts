import type * as SpecDrift from "../src/index.js";

/** Options of `updateSpecs` (see specs-update.mjs). */
export interface UpdateOptions {
  root?: string;
  from?: string;
  format?: "text" | "markdown" | "json";
  lib: typeof SpecDrift;
  fetch?: typeof fetch;
  out?: (text: string) => void;
}

/** What `updateSpecs` did. */
export interface UpdateResult {
  code: 0 | 1;
  written: string[];
  stranded: string[];
  report: SpecDrift.DriftReport;
}

/** Re-vendors, re-applies corrections, regenerates types and reports the drift. */
export function updateSpecs(options: UpdateOptions): Promise<UpdateResult>;
