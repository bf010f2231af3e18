// Size budget (issue 11): the minified+gzipped ESM bundle of the client's entry, with its
// dependencies (openapi-fetch, the registry, @heygen-openapi/webhooks) inlined, at most 15 kB; and
// a consumer that imports only `videos` (on `createHeyGenCore`) pays for less than the whole
// client, because unused resources and their registry entries tree-shake away. Measured with
// esbuild --bundle --minify and gzip -9; run after `build`; exits 1 over a budget. `pnpm bench`
// imports `measureClientSize` and reports the same figures next to bare openapi-fetch.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The whole client's budget, gzip -9 bytes. */
export const BUDGET = 15_000;

const packageDir = new URL("..", import.meta.url).pathname;

/**
 * The size of a consumer module bundled with everything it imports (esbuild, minified,
 * tree-shaken). Node's `crypto` (the webhook verifier's HMAC) is the platform's, not shipped.
 * @param {string} contents the consumer's source, resolved from the client package's folder
 */
async function consumerSize(contents) {
  const out = await build({
    stdin: { contents, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    external: ["crypto", "node:*"],
    write: false,
    logLevel: "silent",
  });
  const code = /** @type {{ contents: Uint8Array }} */ (out.outputFiles[0]).contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * What a consumer ships: the whole client, a consumer of only `videos`, and bare openapi-fetch.
 * @returns {Promise<Record<"whole" | "videosOnly" | "openapiFetch", { minifiedBytes: number, gzipBytes: number }>>}
 */
export async function measureClientSize() {
  return {
    whole: await consumerSize(
      'import { createHeyGenClient } from "./dist/index.js"; globalThis.c = createHeyGenClient;',
    ),
    videosOnly: await consumerSize(
      'import { createHeyGenCore, videos } from "./dist/index.js"; globalThis.v = (o) => videos(createHeyGenCore(o));',
    ),
    openapiFetch: await consumerSize(
      'import createClient from "openapi-fetch"; globalThis.c = createClient;',
    ),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { whole, videosOnly, openapiFetch } = await measureClientSize();
  console.log(
    `size: whole client ${whole.gzipBytes} B gz (budget ${BUDGET} B), only videos ${videosOnly.gzipBytes} B ` +
      `(${((videosOnly.gzipBytes / whole.gzipBytes) * 100).toFixed(0)}% of the whole), bare openapi-fetch ${openapiFetch.gzipBytes} B`,
  );
  if (whole.gzipBytes > BUDGET) {
    console.error(
      `size: the whole client is over its ${BUDGET} B budget by ${whole.gzipBytes - BUDGET} B`,
    );
    process.exitCode = 1;
  } else if (videosOnly.gzipBytes >= whole.gzipBytes) {
    console.error("size: a consumer of only videos pays for every resource (nothing tree-shook)");
    process.exitCode = 1;
  }
}
