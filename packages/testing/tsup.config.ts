import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// Two builds share dist/, so it is emptied once here rather than by each (they run in parallel).
rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });

const common: Options = {
  clean: false,
  sourcemap: false,
  target: "node20",
  // `import.meta.url` (for createRequire of the bundled specs and msw) in the CJS build too.
  shims: true,
};

export default defineConfig([
  // ESM: the library and the CLI (only ESM: bin/heygen-fake.mjs imports it), sharing one chunk
  {
    ...common,
    entry: ["src/index.ts", "src/cli.ts"],
    format: ["esm"],
    dts: { entry: "src/index.ts" },
  },
  // CJS: the library only, for require()
  { ...common, entry: ["src/index.ts"], format: ["cjs"], dts: true },
]);
