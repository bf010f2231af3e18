import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// Two builds share dist/, so it is emptied once here rather than by each (they run in parallel).
rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });

const common: Options = {
  clean: false,
  sourcemap: false,
  target: "node20",
  // spec-tools is private: its code (and its types) ship inside this package's dist, and its
  // runtime dependency (yaml) is one of this package's dependencies
  noExternal: ["@heygen-openapi/spec-tools"],
};

// resolved by path, not through node_modules, so the declarations are inlined too
const compilerOptions = {
  paths: { "@heygen-openapi/spec-tools": ["../spec-tools/src/index.d.ts"] },
};

export default defineConfig([
  // ESM: the library and the CLI (only ESM: bin/heygen-spec-drift.mjs imports it), sharing one chunk
  {
    ...common,
    entry: ["src/index.ts", "src/cli.ts"],
    format: ["esm"],
    dts: { entry: "src/index.ts", compilerOptions },
  },
  // CJS: the library only, for require()
  { ...common, entry: ["src/index.ts"], format: ["cjs"], dts: { compilerOptions } },
]);
