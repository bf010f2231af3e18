import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "node20",
  // `import.meta.url` (for createRequire of the bundled specs and msw) in the CJS build too.
  shims: true,
});
