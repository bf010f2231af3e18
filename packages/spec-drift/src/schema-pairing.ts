import type { Schema } from "./normalize.js";

/** Whether a base schema and a head schema are the same item of a list. */
export type SchemaMatch = (base: Schema, head: Schema) => boolean;

/**
 * Pairs the items of two lists of schemas (union alternatives, allOf parts): each match in turn
 * pairs what is still unpaired, first base item first; then, when exactly one item is left on
 * each side and `single` accepts them, those two are the same item modified. Returns the pairs
 * and what is left on each side (added in the head, removed from the base).
 */
export function pairSchemas(
  base: readonly Schema[],
  head: readonly Schema[],
  matches: readonly SchemaMatch[],
  single?: SchemaMatch,
): { pairs: Array<[Schema, Schema]>; base: Schema[]; head: Schema[] } {
  const left = [...base];
  const right = [...head];
  const pairs: Array<[Schema, Schema]> = [];
  const take = (match: SchemaMatch) => {
    for (let i = 0; i < left.length; i++) {
      const b = left[i] as Schema;
      const j = right.findIndex((h) => match(b, h));
      if (j >= 0) {
        pairs.push([b, right[j] as Schema]);
        left.splice(i--, 1);
        right.splice(j, 1);
      }
    }
  };
  for (const match of matches) take(match);
  if (single && left.length === 1 && right.length === 1) take(single);
  return { pairs, base: left, head: right };
}
