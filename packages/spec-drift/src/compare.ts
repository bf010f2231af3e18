import { compareComponentSchemas, compareSecuritySchemes } from "./compare-components.js";
import { compareOperations } from "./compare-paths.js";
import { compareGlobalSecurity } from "./compare-security.js";
import { CompareContext } from "./context.js";
import { loadSpec } from "./load.js";
import { Normalizer } from "./normalize.js";
import { summarize } from "./report.js";
import { SchemaComparer } from "./schema-walk.js";
import type { Change, CompareOptions, DriftReport, SpecInput } from "./types.js";

const LEVEL_ORDER = { breaking: 0, warning: 1, info: 2 } as const;

/**
 * Compares two OpenAPI documents and classifies every difference the way a client consumer
 * experiences it. Inputs are file paths, http(s) URLs or parsed documents (OpenAPI 3.0/3.1,
 * JSON, YAML or a docs page embedding the definition). Throws `SpecLoadError` when an input
 * cannot be read or is not OpenAPI 3.x.
 *
 * @example
 * const report = await compareSpecs("specs/v3/openapi.json", "https://example.com/openapi.yaml");
 * if (report.summary.breaking > 0) process.exitCode = 1;
 */
export async function compareSpecs(
  base: SpecInput,
  head: SpecInput,
  options: CompareOptions = {},
): Promise<DriftReport> {
  const [b, h] = await Promise.all([loadSpec(base, options), loadSpec(head, options)]);
  const ctx = new CompareContext(
    new Normalizer(b.schemaNames),
    new Normalizer(h.schemaNames),
    options.levels ?? "ours",
  );
  compareOperations(ctx, new SchemaComparer(ctx), b.document, h.document);
  compareGlobalSecurity(ctx, b.document, h.document);
  compareComponentSchemas(ctx, b.document, h.document);
  compareSecuritySchemes(ctx, b.document, h.document);
  const changes = sortChanges(ctx.changes);
  return { base: b.source, head: h.source, changes, summary: summarize(changes) };
}

function sortChanges(changes: Change[]): Change[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort((x, y) => {
      const a = x.change;
      const c = y.change;
      return (
        a.operation.localeCompare(c.operation) ||
        LEVEL_ORDER[a.level] - LEVEL_ORDER[c.level] ||
        x.index - y.index
      );
    })
    .map((x) => x.change);
}
