// Size budget (issue 11): the minified+gzipped ESM bundle of the client's entry, with its
// dependencies (openapi-fetch, the registry, @heygen-openapi/webhooks) inlined, at most 15 kB; and
// a consumer that imports only `videos` (on `createHeyGenCore`) pays for less than the whole
// client, because unused resources and their registry entries tree-shake away. Measured with
// esbuild --bundle --minify and gzip -9; run after `build`; exits 1 over a budget. `pnpm bench`
// reports the same figures next to bare openapi-fetch.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const BUDGET = 15_000;

async function gzipped(contents) {
  const out = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    // the webhook verifier's HMAC is Node's, not the client's to ship
    external: ["crypto", "node:*"],
    write: false,
    logLevel: "silent",
  });
  return gzipSync(out.outputFiles[0].contents, { level: 9 }).length;
}

const whole = await gzipped(
  'import { createHeyGenClient } from "../dist/index.js"; globalThis.c = createHeyGenClient;',
);
const videosOnly = await gzipped(
  'import { createHeyGenCore, videos } from "../dist/index.js"; globalThis.v = (o) => videos(createHeyGenCore(o));',
);
const base = await gzipped(
  'import createClient from "openapi-fetch"; globalThis.c = createClient;',
);
console.log(
  `size: whole client ${whole} B gz (budget ${BUDGET} B), only videos ${videosOnly} B ` +
    `(${((videosOnly / whole) * 100).toFixed(0)}% of the whole), bare openapi-fetch ${base} B`,
);
if (whole > BUDGET) {
  console.error(`size: the whole client is over its ${BUDGET} B budget by ${whole - BUDGET} B`);
  process.exit(1);
}
if (videosOnly >= whole) {
  console.error("size: a consumer of only videos pays for every resource (nothing tree-shook)");
  process.exit(1);
}
