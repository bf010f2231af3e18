/**
 * Looks up a local JSON pointer (`#/components/schemas/A`) in a document.
 * @param {unknown} doc
 * @param {string} ref
 * @returns {unknown} the value, or undefined when nothing is there
 */
export function resolvePointer(doc: unknown, ref: string): unknown;
/**
 * Finds a chain of local `$ref`s that only leads back to itself (`A -> B -> A`, or `A -> A`):
 * no schema is ever reached, so no tool can resolve it. A recursive schema whose `$ref` sits
 * inside a property or an array is fine and is not reported. The document may share objects
 * or hold object cycles (a parsed input); each object is visited once.
 * @param {unknown} doc
 * @returns {string[] | undefined} the chain of pointers, first repeated at the end
 */
export function findRefCycle(doc: unknown): string[] | undefined;
