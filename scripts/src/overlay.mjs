import { SpecInputError } from "@heygen-openapi/spec-tools";
import { openapiOverlay } from "openapi-format";

/**
 * Corrections whose JSONPath target no longer exists upstream: HeyGen moved or renamed what they
 * corrected, so a person must decide whether each is still needed. `actions` lists them.
 */
export class StrandedCorrectionsError extends SpecInputError {
  /**
   * @param {string} file the overlay
   * @param {Array<{ target: string, description?: string }>} actions the actions that matched nothing
   */
  constructor(file, actions) {
    const list = actions.map((a) => `${a.target} (${a.description})`).join("; ");
    super(file, `${actions.length} correction(s) no longer find their target upstream: ${list}`);
    this.name = "StrandedCorrectionsError";
    this.actions = actions;
  }
}

/**
 * Applies an OpenAPI Overlay 1.0 document of corrections with openapi-format's implementation.
 * Every action must say why it exists (`description`) and must find its target: an action whose
 * target vanished upstream throws, naming the action, instead of silently doing nothing.
 * @param {Record<string, any>} document the merged upstream document (not modified)
 * @param {Record<string, any>} overlay the parsed overlay
 * @param {string} file the overlay's path, for errors
 * @returns {Promise<Record<string, any>>} the corrected document
 */
export async function applyCorrections(document, overlay, file) {
  if (!/^1\.0\.\d+$/.test(String(overlay?.overlay ?? ""))) {
    throw new SpecInputError(
      file,
      `expected an OpenAPI Overlay 1.0 document (overlay: 1.0.0), got overlay: ${JSON.stringify(overlay?.overlay)}`,
    );
  }
  const actions = Array.isArray(overlay.actions) ? overlay.actions : [];
  actions.forEach((action, index) => {
    if (typeof action?.target !== "string" || !action.target.startsWith("$")) {
      throw new SpecInputError(file, `action #${index + 1} has no JSONPath target`, {
        pointer: `/actions/${index}`,
      });
    }
    if (typeof action.description !== "string" || action.description.trim() === "") {
      throw new SpecInputError(
        file,
        `action #${index + 1} (${action.target}) has no description giving its reason`,
        {
          pointer: `/actions/${index}`,
        },
      );
    }
  });
  const { data, resultData } = await openapiOverlay(structuredClone(document), {
    overlaySet: /** @type {import("openapi-format").OpenAPIOverlayOptions["overlaySet"]} */ (
      overlay
    ),
  });
  /** @type {Array<{ target: string, description?: string }>} */
  const unused = /** @type {any} */ (resultData).unusedActions ?? [];
  if (unused.length > 0) throw new StrandedCorrectionsError(file, unused);
  return data;
}
