import { createRequire } from "node:module";
import type { Generation } from "./routes.js";

/** A bundled OpenAPI document, as plain JSON. */
export type OpenApiDocument = { [key: string]: unknown };

/**
 * Loads the bundled, corrected OpenAPI document of one generation from `@heygen-openapi/types`.
 * Read on first use (not at import) so importing the package stays cheap.
 */
export function loadSpec(generation: Generation): OpenApiDocument {
  const require = createRequire(import.meta.url);
  return require(`@heygen-openapi/types/${generation}/openapi.json`) as OpenApiDocument;
}
