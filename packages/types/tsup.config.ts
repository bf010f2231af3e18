import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/v2.ts", "src/v3.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "node20",
});
