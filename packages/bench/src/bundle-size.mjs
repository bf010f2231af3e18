import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { packageFile } from "./paths.mjs";

/**
 * Bundles one ESM entry with everything it imports (minified) and gzips it at level 9: the
 * bytes a user ships for it.
 * @param {string} entry
 */
export async function gzippedBundleSize(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    // the webhook verifier's HMAC is Node's crypto, which no bundle ships
    external: ["crypto", "node:*"],
    write: false,
    logLevel: "silent",
  });
  const code = /** @type {{ contents: Uint8Array }} */ (result.outputFiles[0]).contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Benchmark 6: the client's ESM entry (with openapi-fetch inside it) vs openapi-fetch alone.
 */
export async function benchBundleSize() {
  const client = await gzippedBundleSize(packageFile("@heygen-openapi/client", "dist/index.js"));
  const openapiFetch = await gzippedBundleSize(packageFile("openapi-fetch", "dist/index.mjs"));
  return {
    title: "6. Bundle size: client ESM entry vs openapi-fetch alone (esbuild, minified, gzip -9)",
    client,
    openapiFetch,
    ratio: client.gzipBytes / openapiFetch.gzipBytes,
  };
}
