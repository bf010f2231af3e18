import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { packageFile } from "./paths.mjs";

/**
 * The gzip -9 size of a consumer module bundled with everything it imports (esbuild, minified,
 * tree-shaken). Node's `crypto` (the webhook verifier's HMAC) is the platform's, not shipped.
 * @param {string} contents the consumer's source
 */
async function consumerSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: packageFile("@heygen-openapi/client", "."), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    external: ["crypto", "node:*"],
    write: false,
    logLevel: "silent",
  });
  const code = /** @type {{ contents: Uint8Array }} */ (result.outputFiles[0]).contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Benchmark 11 (issue 11): what a consumer ships. The whole client (every resource, the raw
 * clients, webhook verification) against a 15 kB budget, and a consumer that uses only `videos`
 * on `createHeyGenCore`, which must pay for less: unused resources and their registry entries
 * tree-shake away.
 */
export async function benchClientSize() {
  const whole = await consumerSize(
    'import { createHeyGenClient } from "./dist/index.js"; globalThis.c = createHeyGenClient;',
  );
  const videosOnly = await consumerSize(
    'import { createHeyGenCore, videos } from "./dist/index.js"; globalThis.v = (o) => videos(createHeyGenCore(o));',
  );
  const openapiFetch = await consumerSize(
    'import createClient from "openapi-fetch"; globalThis.c = createClient;',
  );
  return {
    title: "11. What a consumer ships (esbuild, minified, gzip -9)",
    whole,
    videosOnly,
    openapiFetch,
    videosOnlyShare: videosOnly.gzipBytes / whole.gzipBytes,
  };
}
