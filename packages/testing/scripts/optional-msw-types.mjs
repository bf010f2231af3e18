// Marks the bundled declarations' msw import as optional: msw is an optional peer dependency, so
// a consumer without it must type-check (without skipLibCheck) and get `any` for the handler
// type, while one with msw gets msw's own HttpHandler. The source carries the same directive
// (src/msw-types.ts); the declaration bundler drops comments, so it is put back here.
import { readFileSync, writeFileSync } from "node:fs";

const IMPORT = /^import \{ HttpHandler \} from 'msw';$/m;
const DIRECTIVE =
  "// msw is an optional peer dependency: without it this import is `any`.\n// @ts-ignore\n";

for (const file of ["dist/index.d.ts", "dist/index.d.cts"]) {
  const text = readFileSync(file, "utf8");
  if (text.includes(`${DIRECTIVE}import { HttpHandler }`)) continue;
  if (!IMPORT.test(text)) {
    console.error(`optional-msw-types: ${file} has no "import { HttpHandler } from 'msw'" to mark`);
    process.exit(1);
  }
  writeFileSync(
    file,
    text.replace(IMPORT, (line) => `${DIRECTIVE}${line}`),
  );
}
