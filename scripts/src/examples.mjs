import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { escapePointer } from "./merge.mjs";

/**
 * @typedef {{ pointer: string, schemaPointer: string, message: string }} ExampleViolation
 */

/**
 * Validates every example in an OpenAPI 3.1 document against the schema it illustrates:
 * media-type `example`/`examples` (responses, request bodies, parameters) and the `example` /
 * `examples` keywords inside schemas. Schemas are compiled by ajv (JSON Schema 2020-12) in the
 * context of the whole document, so `$ref`s to components resolve as the generator sees them.
 * @param {Record<string, any>} document
 * @returns {{ checked: number, violations: ExampleViolation[] }}
 */
export function validateExamples(document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  // ajv-formats is CommonJS: its default export is the plugin under ESM and CJS alike.
  /** @type {(ajv: Ajv2020) => void} */ (/** @type {unknown} */ (formats))(ajv);
  for (const name of ["int32", "int64", "float", "double", "byte", "binary", "password"]) {
    ajv.addFormat(name, true);
  }
  ajv.addSchema(document, "spec");
  const violations = [];
  let checked = 0;
  for (const { pointer, schemaPointer, value } of collectExamples(document)) {
    checked += 1;
    const validate = ajv.getSchema(`spec#${schemaPointer}`);
    if (!validate) throw new Error(`no schema at ${schemaPointer}`);
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        violations.push({
          pointer,
          schemaPointer,
          message: `${error.instancePath || "(root)"} ${error.message}`,
        });
      }
    }
  }
  return { checked, violations };
}

/**
 * Walks the document and yields each example with where it is and which schema it belongs to.
 * @param {Record<string, any>} document
 * @returns {Generator<{ pointer: string, schemaPointer: string, value: unknown }>}
 */
export function* collectExamples(document) {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      if (typeof operation !== "object" || operation === null || !("responses" in operation))
        continue;
      const base = `/paths/${escapePointer(path)}/${method}`;
      yield* mediaExamples(operation.requestBody?.content, `${base}/requestBody/content`);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        yield* mediaExamples(response?.content, `${base}/responses/${status}/content`);
      }
      for (const [index, parameter] of (operation.parameters ?? []).entries()) {
        if (parameter?.schema && "example" in parameter) {
          yield {
            pointer: `${base}/parameters/${index}/example`,
            schemaPointer: `${base}/parameters/${index}/schema`,
            value: parameter.example,
          };
        }
      }
    }
  }
  yield* schemaExamples(document, "");
}

/**
 * @param {Record<string, any> | undefined} content
 * @param {string} base
 */
function* mediaExamples(content, base) {
  for (const [type, media] of Object.entries(content ?? {})) {
    if (!media?.schema) continue;
    const at = `${base}/${escapePointer(type)}`;
    if ("example" in media)
      yield { pointer: `${at}/example`, schemaPointer: `${at}/schema`, value: media.example };
    for (const [name, example] of Object.entries(media.examples ?? {})) {
      if (example && "value" in example) {
        yield {
          pointer: `${at}/examples/${escapePointer(name)}/value`,
          schemaPointer: `${at}/schema`,
          value: example.value,
        };
      }
    }
  }
}

/**
 * Yields the `example` and `examples` keywords of every schema object in the document.
 * @param {unknown} node
 * @param {string} pointer
 * @returns {Generator<{ pointer: string, schemaPointer: string, value: unknown }>}
 */
function* schemaExamples(node, pointer) {
  if (Array.isArray(node)) {
    for (const [index, child] of node.entries())
      yield* schemaExamples(child, `${pointer}/${index}`);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const isSchema = pointer.includes("/schema") || pointer.startsWith("/components/schemas/");
  for (const [key, child] of Object.entries(node)) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (isSchema && key === "examples" && Array.isArray(child) && looksLikeSchema(node)) {
      for (const [index, value] of child.entries())
        yield { pointer: `${at}/${index}`, schemaPointer: pointer, value };
    } else if (isSchema && key === "example" && looksLikeSchema(node) && !("schema" in node)) {
      yield { pointer: at, schemaPointer: pointer, value: child };
    } else if (key !== "examples" && key !== "example") {
      yield* schemaExamples(child, at);
    }
  }
}

/** @param {object} node */
function looksLikeSchema(node) {
  return ["type", "anyOf", "oneOf", "allOf", "$ref", "enum", "properties", "const"].some(
    (k) => k in node,
  );
}
