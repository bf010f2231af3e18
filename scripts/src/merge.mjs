import { isDeepStrictEqual } from "node:util";
import { SpecInputError } from "@heygen-openapi/spec-tools";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Merges single-operation definitions into one document for an API version. The first part
 * gives `openapi`, `info`, `servers` and `security`; every part adds its operations and
 * components. Two parts defining the same operation, or the same component differently, is an
 * error that names both files: silently picking one would hide upstream drift.
 * @param {Array<{ file: string, doc: Record<string, any> }>} parts
 * @returns {Record<string, any>}
 */
export function mergeDefinitions(parts) {
  const [first, ...rest] = parts;
  if (!first) throw new Error("mergeDefinitions needs at least one definition");
  const merged = structuredClone(first.doc);
  merged.paths ??= {};
  merged.components ??= {};
  const owner = new Map();
  recordOwners(owner, merged, first.file);
  for (const { file, doc } of rest) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      merged.paths[path] ??= {};
      const target = merged.paths[path];
      for (const [key, value] of Object.entries(item)) {
        const id = `${key.toUpperCase()} ${path}`;
        if (key in target && (METHODS.includes(key) || !isDeepStrictEqual(target[key], value))) {
          throw new SpecInputError(
            file,
            `${id} is also defined by ${owner.get(id) ?? "another source"}`,
            {
              pointer: `/paths/${escapePointer(path)}/${key}`,
            },
          );
        }
        target[key] = structuredClone(value);
        owner.set(id, file);
      }
    }
    for (const [section, entries] of Object.entries(doc.components ?? {})) {
      merged.components[section] ??= {};
      const target = merged.components[section];
      for (const [name, value] of Object.entries(entries)) {
        const id = `#/components/${section}/${name}`;
        if (name in target && !isDeepStrictEqual(target[name], value)) {
          throw new SpecInputError(file, `${id} differs from the one in ${owner.get(id)}`, {
            pointer: `/components/${section}/${name}`,
          });
        }
        target[name] ??= structuredClone(value);
        if (!owner.has(id)) owner.set(id, file);
      }
    }
  }
  return merged;
}

/**
 * @param {Map<string, string>} owner
 * @param {Record<string, any>} doc
 * @param {string} file
 */
function recordOwners(owner, doc, file) {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const key of Object.keys(item)) owner.set(`${key.toUpperCase()} ${path}`, file);
  }
  for (const [section, entries] of Object.entries(doc.components ?? {})) {
    for (const name of Object.keys(entries)) owner.set(`#/components/${section}/${name}`, file);
  }
}

/**
 * Escapes a JSON pointer token (RFC 6901).
 * @param {string} token
 */
export function escapePointer(token) {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}
