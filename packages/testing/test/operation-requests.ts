import { createRequire } from "node:module";
import { type OperationDescriptor, type OperationKey, operations } from "@heygen-openapi/types";
import type { FakeHeyGen } from "../src/index.js";
import { createRandom } from "../src/random.js";
import { generateFromSchema } from "../src/schema-data.js";
import type { JsonSchema } from "../src/spec-validation.js";

// Test tables built from the registry and the bundled specs: a new operation in the spec shows
// up here without a line changing.

const require = createRequire(import.meta.url);
/** The bundled documents, as the fake's consumers get them. */
export const SPECS = {
  v2: require("@heygen-openapi/types/v2/openapi.json") as JsonSchema,
  v3: require("@heygen-openapi/types/v3/openapi.json") as JsonSchema,
};

/** Every operation of the registry, deletions last (so the others find their resources). */
export const ALL: readonly OperationDescriptor[] = (Object.keys(operations) as OperationKey[])
  .map((key): OperationDescriptor => operations[key])
  .sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));

/** The operation object of the bundled spec. */
export function specOperation(op: OperationDescriptor): JsonSchema {
  const paths = SPECS[op.spec].paths as Record<string, Record<string, JsonSchema>>;
  return paths[op.path]![op.method.toLowerCase()]!;
}

/** Follows `$ref`s within one bundled document. */
export function resolver(spec: "v2" | "v3") {
  const root = SPECS[spec];
  return (node: JsonSchema): JsonSchema => {
    let current = node;
    while (typeof current.$ref === "string") {
      current = (current.$ref as string)
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>(
          (n, part) => (n as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")],
          root,
        ) as JsonSchema;
    }
    return current;
  };
}

/** The declared parameters of an operation (path item and operation), resolved. */
export function parametersOf(
  op: OperationDescriptor,
): { name: string; in: string; required?: boolean; schema?: JsonSchema }[] {
  const resolve = resolver(op.spec);
  const paths = SPECS[op.spec].paths as Record<string, JsonSchema>;
  const item = paths[op.path]!;
  return [
    ...((item.parameters ?? []) as JsonSchema[]),
    ...((specOperation(op).parameters ?? []) as JsonSchema[]),
  ].map((p) => resolve(p) as { name: string; in: string; required?: boolean; schema?: JsonSchema });
}

/** The request body schema of an operation, resolved, or undefined. */
export function bodySchemaOf(op: OperationDescriptor): JsonSchema | undefined {
  if (!op.requestBody) return undefined;
  const resolve = resolver(op.spec);
  const body = resolve((specOperation(op).requestBody ?? {}) as JsonSchema);
  const content = body.content as Record<string, { schema: JsonSchema }>;
  return resolve(content[op.requestBody.contentType]!.schema);
}

/** A tiny PNG: what an upload's bytes look like. */
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000a49444154789c6300010000050001",
  "hex",
);

/** Ids of live resources, by the path parameter that names them. */
export type ResourceIds = Record<string, string>;

/**
 * Creates one resource of each stateful kind through the fake's API and returns their ids by
 * path-parameter name (`video_id`, `endpoint_id`, ...); jobs that later operations need to be
 * finished (a proofread to generate from, a translation's caption) are completed.
 */
export async function seedResources(fake: FakeHeyGen, call: Call): Promise<ResourceIds> {
  const json = async (key: OperationKey, body: unknown) => {
    const op = operations[key];
    const response = await call(op.method, op.path, {
      body: JSON.stringify(body),
      contentType: "application/json",
    });
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  };
  const form = new FormData();
  form.append("file", new Blob([PNG]), "pixel.png");
  const upload = await call("POST", operations["POST /v3/assets"].path, { body: form });
  const asset = ((await upload.json()) as { data: { asset_id: string } }).data;
  const video = await json("POST /v3/videos", {
    type: "avatar",
    avatar_id: "avatar_1",
    script: "Hello",
  });
  const translation = await json("POST /v3/video-translations", {
    video: { type: "asset_id", asset_id: asset.asset_id },
    output_languages: ["Spanish (Spain)"],
  });
  const proofread = await json("POST /v3/video-translations/proofreads", {
    video: { type: "url", url: "https://example.com/v.mp4" },
    output_languages: ["es"],
    title: "Proofread",
  });
  const lipsync = await json("POST /v3/lipsyncs", {
    video: { type: "url", url: "https://example.com/v.mp4" },
    audio: { type: "asset_id", asset_id: asset.asset_id },
  });
  const session = await json("POST /v3/video-agents/sessions", { prompt: "A product tour" });
  const endpoint = await json("POST /v3/webhooks/endpoints", { url: "https://example.com/hook" });
  const translationId = (translation.video_translation_ids as string[])[0]!;
  const proofreadId = (proofread.proofread_ids as string[])[0]!;
  fake.jobs.complete(translationId);
  fake.jobs.complete(proofreadId);
  const group = fake.state.groups({ ownership: "private" })[0]!;
  return {
    asset_id: asset.asset_id,
    video_id: String(video.video_id),
    video_translation_id: translationId,
    proofread_id: proofreadId,
    lipsync_id: String(lipsync.lipsync_id),
    session_id: String(session.session_id),
    endpoint_id: String(endpoint.endpoint_id),
    group_id: group.id,
    id: fake.state.looks(group.id)[0]!.id,
  };
}

/** Sends one request to the fake (method, path with query, body). */
export type Call = (
  method: string,
  path: string,
  init?: { body?: BodyInit; contentType?: string; headers?: Record<string, string> },
) => Promise<Response>;

/** A valid request for `op`: path parameters from `ids`, required query values, a body from its schema. */
export function validRequest(
  op: OperationDescriptor,
  ids: ResourceIds,
): { path: string; body?: BodyInit; contentType?: string } {
  const resolve = resolver(op.spec);
  const random = createRandom(7, op.key);
  let path = op.path;
  for (const name of op.pathParams)
    path = path.replace(`{${name}}`, encodeURIComponent(ids[name] ?? `${name}_1`));
  const query = new URLSearchParams();
  for (const p of parametersOf(op)) {
    if (p.in !== "query" || !p.required) continue;
    query.set(
      p.name,
      String(
        generateFromSchema(p.schema ?? {}, { random, resolve, nowSeconds: 1_760_000_000 }, p.name),
      ),
    );
  }
  const fullPath = query.size > 0 ? `${path}?${query}` : path;
  if (!op.requestBody) return { path: fullPath };
  if (op.requestBody.contentType === "multipart/form-data") {
    const form = new FormData();
    form.append("file", new Blob([PNG]), "pixel.png");
    return { path: fullPath, body: form };
  }
  const schema = bodySchemaOf(op)!;
  const body = generateFromSchema(schema, { random, resolve, nowSeconds: 1_760_000_000 });
  return {
    path: fullPath,
    body: JSON.stringify(withLiveAssets(body, ids)),
    contentType: "application/json",
  };
}

/** The request body with every asset reference and resource id pointing at a live resource. */
function withLiveAssets(value: unknown, ids: ResourceIds): unknown {
  if (Array.isArray(value)) return value.map((v) => withLiveAssets(v, ids));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] =
      key === "asset_id" || key.endsWith("_asset_id")
        ? ids.asset_id
        : typeof field === "string" && key in ids
          ? ids[key]
          : withLiveAssets(field, ids);
  }
  return out;
}

/**
 * A request `op` must refuse with its 400, and the field the error must name: a missing
 * required body field, else an unknown body field (where the schema forbids extra ones), else a
 * missing required query parameter, else a query parameter the operation does not take.
 */
export function badRequest(
  op: OperationDescriptor,
  ids: ResourceIds,
): { path: string; body?: BodyInit; contentType?: string; param: string } {
  const valid = validRequest(op, ids);
  const [pathOnly] = valid.path.split("?");
  if (op.requestBody?.contentType === "multipart/form-data") {
    const form = new FormData();
    form.append("note", "no file");
    return { path: valid.path, body: form, param: "file" };
  }
  const schema = bodySchemaOf(op);
  if (schema) {
    const resolve = resolver(op.spec);
    // A union body: its first kind's required fields (the field every kind needs comes first).
    const root = Array.isArray(schema.oneOf)
      ? resolve((schema.oneOf as JsonSchema[])[0]!)
      : resolve(schema);
    const required = (root.required ?? []) as string[];
    if (required.length > 0 && root.properties) {
      const body = JSON.parse(String(valid.body)) as Record<string, unknown>;
      delete body[required[0]!];
      return {
        path: valid.path,
        body: JSON.stringify(body),
        contentType: "application/json",
        param: required[0]!,
      };
    }
    if (root.additionalProperties === false) {
      return {
        path: valid.path,
        body: JSON.stringify({ unexpected_field: 1 }),
        contentType: "application/json",
        param: "unexpected_field",
      };
    }
  }
  const requiredQuery = parametersOf(op).find((p) => p.in === "query" && p.required);
  if (requiredQuery) {
    const query = new URLSearchParams(valid.path.split("?")[1]);
    query.delete(requiredQuery.name);
    return {
      path: query.size > 0 ? `${pathOnly}?${query}` : pathOnly!,
      body: valid.body,
      contentType: valid.contentType,
      param: requiredQuery.name,
    };
  }
  const separator = valid.path.includes("?") ? "&" : "?";
  const bounded = parametersOf(op).find(
    (p) => p.in === "query" && typeof p.schema?.minimum === "number",
  );
  if (bounded) {
    const below = (bounded.schema!.minimum as number) - 1;
    return {
      path: `${valid.path}${separator}${bounded.name}=${below}`,
      body: valid.body,
      contentType: valid.contentType,
      param: bounded.name,
    };
  }
  return {
    path: `${valid.path}${separator}unexpected=1`,
    body: valid.body,
    contentType: valid.contentType,
    param: "unexpected",
  };
}
