import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  dts: {
    // resolved by path, not through node_modules, so the declarations are inlined too
    compilerOptions: { paths: { "@heygen-openapi/spec-tools": ["../spec-tools/src/index.d.ts"] } },
  },
  // spec-tools is private: its code (and its types) ship inside this package's dist, and its
  // runtime dependency (yaml) is one of this package's dependencies
  noExternal: ["@heygen-openapi/spec-tools"],
  clean: true,
  sourcemap: false,
  target: "node20",
});
