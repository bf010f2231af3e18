import { pathToFileURL } from "node:url";
import { packageFile } from "./paths.mjs";

/**
 * Benchmark 11 (issue 11): what a consumer ships. The whole client (every resource, the raw
 * clients, webhook verification) against a 15 kB budget, and a consumer that uses only `videos`
 * on `createHeyGenCore`, which must pay for less: unused resources and their registry entries
 * tree-shake away. Measured by the client's own size check (`packages/client/scripts/size.mjs`),
 * so the lint budget and the bench read one measurement.
 */
export async function benchClientSize() {
  const { measureClientSize } = await import(
    pathToFileURL(packageFile("@heygen-openapi/client", "scripts/size.mjs")).href
  );
  const { whole, videosOnly, openapiFetch } = await measureClientSize();
  return {
    title: "11. What a consumer ships (esbuild, minified, gzip -9)",
    whole,
    videosOnly,
    openapiFetch,
    videosOnlyShare: videosOnly.gzipBytes / whole.gzipBytes,
  };
}
