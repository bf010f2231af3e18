// Checks that the committed declarations in src/*.d.ts are what tsc derives from the JSDoc of
// src/*.js (run after `tsc -p tsconfig.dts.json`), so the types consumers see cannot drift.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const here = import.meta.dirname;
const emitted = join(here, "node_modules/.dts-check");
const stale = [];
for (const name of await readdir(emitted)) {
  const want = await readFile(join(emitted, name), "utf8");
  const have = await readFile(join(here, "src", name), "utf8").catch(() => "");
  if (want !== have) stale.push(`src/${name}`);
}
if (stale.length > 0) {
  console.error(`stale declarations (copy them from node_modules/.dts-check): ${stale.join(", ")}`);
  process.exitCode = 1;
}
