#!/usr/bin/env node
import { mkdir, writeFile } from "node:fs/promises";
// `pnpm bench`: every benchmark of the suite side by side, one readable table per benchmark,
// the budgets and goals, and bench/results.json. Exits 1 when a budget (not a goal) is missed.
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { evaluate } from "./budgets.mjs";
import { benchBundleSize } from "./bundle-size.mjs";
import { benchClientCpu } from "./client-cpu.mjs";
import { benchClientSize } from "./client-size.mjs";
import { benchClientTypecheck } from "./client-typecheck.mjs";
import { benchCodegen } from "./codegen.mjs";
import { benchFake } from "./fake-throughput.mjs";
import { benchPagination } from "./pagination.mjs";
import { repoRoot } from "./paths.mjs";
import { checksTable, comparisonTable, table } from "./report.mjs";
import { benchInProcess, benchLoopback } from "./request-overhead.mjs";
import { benchTypecheck } from "./typecheck-cost.mjs";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "7" },
    time: { type: "string", default: "300" },
    out: { type: "string", default: join(repoRoot, "bench/results.json") },
  },
});
const rounds = Number(values.rounds);
const time = Number(values.time);
if (!Number.isInteger(rounds) || rounds < 1 || !(time > 0)) {
  console.error("usage: pnpm bench [--rounds N>=1] [--time MS>0] [--out FILE]");
  process.exit(2);
}

const started = performance.now();
const cpu = cpus()[0]?.model ?? "unknown CPU";
const machine = `${cpu} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (${process.platform}/${process.arch})`;
console.log(
  `heygen-openapi benchmarks: ${machine}; ${rounds} rounds of ${time} ms per variant after warm-up\n`,
);

const log = (/** @type {string} */ text) => console.log(text);
const loopback = await benchLoopback({ rounds, time });
for (const cmp of loopback) log(comparisonTable(cmp));
const inProcess = await benchInProcess({ rounds, time });
log(comparisonTable(inProcess));
const pagination = await benchPagination({ rounds: Math.max(3, Math.ceil(rounds / 2)) });
log(comparisonTable(pagination));
const heapRow = (/** @type {string} */ name, /** @type {any} */ h) =>
  h
    ? [
        name,
        `${(h.atTenPercentBytes / 2 ** 20).toFixed(2)} MiB`,
        `${(h.atEndBytes / 2 ** 20).toFixed(2)} MiB`,
        `${(h.growthBytes / 2 ** 20).toFixed(3)} MiB`,
      ]
    : [name, "run with --expose-gc", "", ""];
log(
  table(
    ["4b. Heap after full GC while iterating 20,000 groups"],
    ["variant", "at 2,000", "at 20,000", "growth"],
    [
      heapRow("client", pagination.heap.client),
      heapRow("hand-written loop", pagination.heap.byHand),
    ],
  ),
);
const fake = await benchFake({ rounds, time });
for (const cmp of fake) log(comparisonTable(cmp));
const bundle = await benchBundleSize();
log(
  table(
    [bundle.title],
    ["entry", "minified", "gzip -9"],
    [
      [
        "@heygen-openapi/client",
        `${bundle.client.minifiedBytes} B`,
        `${bundle.client.gzipBytes} B`,
      ],
      [
        "openapi-fetch",
        `${bundle.openapiFetch.minifiedBytes} B`,
        `${bundle.openapiFetch.gzipBytes} B`,
      ],
      ["ratio", "", `${bundle.ratio.toFixed(3)}x`],
    ],
  ),
);
const typecheck = await benchTypecheck({
  rounds: 3,
  workDir: join(repoRoot, "packages/bench/.typecheck"),
});
log(
  table(
    [typecheck.title],
    ["consumer", "check time (median)", "instantiations"],
    Object.entries(typecheck.results).map(([id, r]) => [
      id,
      `${r.checkTimeMs.toFixed(0)} ms`,
      String(r.instantiations),
    ]),
  ),
);
const codegen = await benchCodegen({ rounds: 3 });
log(comparisonTable(codegen));

const clientCpu = await benchClientCpu({ rounds, time });
log(comparisonTable(clientCpu));
const clientTypecheck = await benchClientTypecheck({ rounds: 3 });
log(
  table(
    [clientTypecheck.title],
    ["consumer", "check time (median)", "instantiations"],
    Object.entries(clientTypecheck.results).map(([id, r]) => [
      id,
      `${r.checkTimeMs.toFixed(0)} ms`,
      String(r.instantiations),
    ]),
  ),
);
const clientSize = await benchClientSize();
log(
  table(
    [clientSize.title],
    ["consumer", "minified", "gzip -9"],
    [
      ["whole client", clientSize.whole.minifiedBytes, clientSize.whole.gzipBytes],
      ["only videos", clientSize.videosOnly.minifiedBytes, clientSize.videosOnly.gzipBytes],
      [
        "bare openapi-fetch",
        clientSize.openapiFetch.minifiedBytes,
        clientSize.openapiFetch.gzipBytes,
      ],
    ].map(([id, m, g]) => [String(id), `${m} B`, `${g} B`]),
  ),
);

const results = {
  loopback,
  inProcess,
  pagination,
  fake,
  bundle,
  typecheck,
  codegen,
  clientCpu,
  clientTypecheck,
  clientSize,
};
const checks = evaluate(results);
log(checksTable(checks));
const seconds = (performance.now() - started) / 1000;
await mkdir(join(values.out, ".."), { recursive: true });
await writeFile(
  values.out,
  `${JSON.stringify({ machine, node: process.version, date: new Date().toISOString(), rounds, timeMs: time, seconds, checks, results }, null, 2)}\n`,
);
const missed = checks.filter((c) => c.kind === "budget" && !c.pass);
log(
  `wrote ${values.out} in ${seconds.toFixed(0)} s; ${missed.length ? `${missed.length} budget(s) missed: ${missed.map((c) => c.name).join("; ")}` : "all budgets hold"}`,
);
process.exitCode = missed.length ? 1 : 0;
