import { defineProjectConfig } from "../../vitest.shared.js";

// These suites start subprocesses (generate, the drift CLI) and servers by the dozen: one file
// at a time, at most two concurrent tests, so they never compete with each other for the cores.
export default defineProjectConfig(import.meta.dirname, { maxWorkers: 1, maxConcurrency: 2 });
