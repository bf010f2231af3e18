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
    let key = raw;
    try {
      key = decodeURIComponent(raw);
    } catch {
      // a lone `%` is a literal character of the key
    }
    key = key.replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = /** @type {Record<string, unknown>} */ (node)[key];
  }
  return node;
}

/**
 * Finds a chain of local `$ref`s that only leads back to itself (`A -> B -> A`, or `A -> A`):
 * no schema is ever reached, so no tool can resolve it. A recursive schema whose `$ref` sits
 * inside a property or an array is fine and is not reported. The document may share objects
 * or hold object cycles (a parsed input); each object is visited once.
 * @param {unknown} doc
 * @returns {string[] | undefined} the chain of pointers, first repeated at the end
 */
export function findRefCycle(doc) {
  const seen = new WeakSet();
  /** @type {unknown[]} */
  const todo = [doc];
  while (todo.length > 0) {
    const node = todo.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    /** @type {string[]} */
    const chain = [];
    for (let ref = refOf(node); ref !== undefined; ref = refOf(resolvePointer(doc, ref))) {
      if (chain.includes(ref)) return [...chain.slice(chain.indexOf(ref)), ref];
      chain.push(ref);
    }
    for (const child of Object.values(node)) todo.push(child);
  }
  return undefined;
}

/**
 * @param {unknown} node
 * @returns {string | undefined} the node's local `$ref`
 */
function refOf(node) {
  const ref =
    typeof node === "object" && node !== null
      ? /** @type {{ $ref?: unknown }} */ (node).$ref
      : undefined;
  return typeof ref === "string" && ref.startsWith("#/") ? ref : undefined;
}
