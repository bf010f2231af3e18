// Size budget: the client's minified+gzipped ESM bundle against openapi-fetch's, bundled the same
// way (esbuild, minify, gzip -9). Run after `build`; exits 1 when a budget is exceeded.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const BUDGET = 1.5;

async function gzipped(entry, external = []) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    external,
    write: false,
    logLevel: "silent",
  });
  return gzipSync(out.outputFiles[0].contents, { level: 9 }).length;
}

const base = await gzipped("openapi-fetch");
const own = await gzipped("dist/index.js", ["openapi-fetch"]);
const total = await gzipped("dist/index.js");
const ratio = own / base;
console.log(
  `size: openapi-fetch ${base} B; client code ${own} B = ${ratio.toFixed(2)}x (budget ${BUDGET}x); ` +
    `client + openapi-fetch bundled ${total} B = ${(total / base).toFixed(2)}x`,
);
if (ratio > BUDGET) {
  console.error(
    `size: the client's own code is over budget by ${own - Math.floor(base * BUDGET)} B`,
  );
  process.exit(1);
}
