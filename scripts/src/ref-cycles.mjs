/**
 * Looks up a local JSON pointer (`#/components/schemas/A`) in a document.
 * @param {unknown} doc
 * @param {string} ref
 * @returns {unknown} the value, or undefined when nothing is there
 */
export function resolvePointer(doc, ref) {
  if (!ref.startsWith("#")) return undefined;
  let node = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof node !== "object" || node === null || !(key in node)) return undefined;
    node = /** @type {Record<string, unknown>} */ (node)[key];
  }
  return node;
}

/**
 * Finds a chain of local `$ref`s that only leads back to itself (`A -> B -> A`, or `A -> A`):
 * no schema is ever reached, so no tool can resolve it. A recursive schema whose `$ref` sits
 * inside a property or an array is fine and is not reported.
 * @param {Record<string, unknown>} doc
 * @returns {string[] | undefined} the chain of pointers, first repeated at the end
 */
export function findRefCycle(doc) {
  /** @type {string[]} */
  const starts = [];
  /** @type {Array<[unknown, string]>} */
  const stack = [[doc, "#"]];
  while (stack.length > 0) {
    const [node, pointer] = /** @type {[unknown, string]} */ (stack.pop());
    if (typeof node !== "object" || node === null) continue;
    const ref = /** @type {{ $ref?: unknown }} */ (node).$ref;
    if (typeof ref === "string" && ref.startsWith("#/")) starts.push(pointer);
    for (const [key, child] of Object.entries(node)) {
      stack.push([child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`]);
    }
  }
  for (const start of starts) {
    const chain = [start];
    let node = resolvePointer(doc, start);
    for (;;) {
      const ref = /** @type {{ $ref?: unknown }} */ (node)?.$ref;
      if (typeof ref !== "string" || !ref.startsWith("#/")) break;
      if (chain.includes(ref)) return [...chain.slice(chain.indexOf(ref)), ref];
      chain.push(ref);
      node = resolvePointer(doc, ref);
    }
  }
  return undefined;
}
