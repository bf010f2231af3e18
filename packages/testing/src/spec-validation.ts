import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import type { AvatarGroup, PhotoAvatarLook } from "./api-types.js";
import type { ErrorShape } from "./error-bodies.js";
import type { Generation, Route } from "./routes.js";
import { loadSpec, type OpenApiDocument } from "./spec-documents.js";

/** A request the spec does not allow, in the terms HeyGen's 400 uses. */
export interface RequestProblem {
  /** The request field at fault (`limit`, `image_keys`...), or null for the body as a whole. */
  param: string | null;
  message: string;
}

/** Which schema a response was checked against. */
export type ResponseSchemaSource =
  /** The response the spec declares for this status. */
  | "declared"
  /** The operation's `default` response. */
  | "default"
  /** Not declared by the operation: the generation's error shape (v3 `{ error }`). */
  | "error-shape";

/** The outcome of checking one response against the spec. */
export interface ResponseCheck {
  source: ResponseSchemaSource;
  /** Empty when the response is valid. */
  problems: string[];
}

/** The request parts the spec constrains. */
export interface RequestParts {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /**
   * The parsed body: JSON, or a multipart form as an object (each file part as a string
   * placeholder, since the schema only asks for its presence); undefined when there was none.
   */
  body?: unknown;
}

/**
 * Checks requests and responses against the bundled specs with ajv (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses). Validators are compiled on first use per operation and status.
 */
export interface SpecValidator {
  checkRequest(route: Route, parts: RequestParts): RequestProblem | undefined;
  checkResponse(
    route: Route,
    status: number,
    headers: Record<string, string>,
    body: unknown,
  ): ResponseCheck;
  /** The error body shape the operation declares (`{ error: StandardAPIError }`, v1's, v2's). */
  errorShape(route: Route): ErrorShape;
  /**
   * The JSON schema of the operation's 200 answer and a resolver for the `$ref`s in it (for
   * generating realistic data); undefined when it declares none.
   */
  successSchema(
    route: Route,
  ): { schema: JsonSchema; resolve(node: JsonSchema): JsonSchema } | undefined;
  /** Whether `value` is valid against the named component schema of `generation`. */
  isValid(generation: Generation, component: string, value: unknown): boolean;
  /** The `enum` of a component schema (e.g. `WebhookEventType`), empty when it has none. */
  enumValues(generation: Generation, component: string): string[];
  /** Throws a TypeError naming the bad fields when `group` is not a valid `AvatarGroupItem`. */
  assertGroup(group: AvatarGroup, context: string): void;
  /** Throws a TypeError naming the bad fields when `look` is not a valid `PhotoAvatarLook`. */
  assertLook(look: PhotoAvatarLook, context: string): void;
}

/** A JSON schema node of a bundled spec. */
export type JsonSchema = { [key: string]: unknown };

/** What the request checks of one route need, looked up once. */
interface RequestPlan {
  parameters: { param: Parameter; fn: () => ValidateFunction }[];
  /** Names of the declared query parameters: anything else is refused. */
  queryNames: ReadonlySet<string>;
  body: (() => ValidateFunction) | undefined;
  bodyRequired: boolean;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string | string[]; minimum?: number; maximum?: number; enum?: unknown[] };
  pointer: string;
}

/**
 * Creates a validator over the bundled specs. The fake keeps one per process (see
 * `sharedSpecValidator`): it holds only compiled, read-only schemas, never a fake's state.
 */
export function createSpecValidator(): SpecValidator {
  let ajv: Ajv2020 | undefined;
  const docs = new Map<Generation, OpenApiDocument>();
  const compiled = new Map<string, ValidateFunction>();

  const doc = (generation: Generation): OpenApiDocument => {
    let found = docs.get(generation);
    if (!found) {
      found = loadSpec(generation);
      docs.set(generation, found);
      instance().addSchema(found, generation);
    }
    return found;
  };
  const instance = (): Ajv2020 => {
    if (!ajv) {
      // validateSchema: false. The bundled documents are validated by `pnpm generate` (Redocly);
      // checking them against the meta-schema again here would cost 20x their JSON.parse.
      ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
      addFormats(ajv);
      for (const name of ["float", "double", "int32", "int64"]) {
        ajv.addFormat(name, { type: "number", validate: () => true });
      }
      // A multipart file part: the schema only asks that it be there.
      ajv.addFormat("binary", { type: "string", validate: () => true });
    }
    return ajv;
  };
  const validatorFor = (generation: Generation, pointer: string): ValidateFunction => {
    const key = `${generation}#${pointer}`;
    let fn = compiled.get(key);
    if (!fn) {
      doc(generation);
      fn = instance().compile({ $ref: key });
      compiled.set(key, fn);
    }
    return fn;
  };
  const fallbackFor = (generation: Generation, shape: ErrorShape): ValidateFunction => {
    const key = `${generation}:error-shape:${shape}`;
    let fn = compiled.get(key);
    if (!fn) {
      doc(generation);
      const wrapped = (schema: string) => ({
        type: "object",
        required: ["error"],
        properties: { error: { $ref: `v3#/components/schemas/${schema}` } },
      });
      fn = instance().compile(
        shape === "v2"
          ? { $ref: "v2#/components/schemas/V2ErrorResponse" }
          : shape === "v1"
            ? { $ref: "v3#/components/schemas/V1APIError" }
            : wrapped(shape === "legacy" ? "LegacyAPIError" : "StandardAPIError"),
      );
      compiled.set(key, fn);
    }
    return fn;
  };

  const operationPointer = (route: Route): string =>
    `/paths/${pointerEscape(route.path)}/${route.method.toLowerCase()}`;
  const operation = (route: Route): Record<string, unknown> => {
    const found = resolve(doc(route.generation), operationPointer(route));
    if (!found) {
      throw new Error(
        `@heygen-openapi/testing: the bundled ${route.generation} spec has no ${route.method} ${route.path} (${route.operationId})`,
      );
    }
    return found as Record<string, unknown>;
  };
  const parameters = (route: Route): Parameter[] => {
    const op = operation(route);
    const pathItem = resolve(doc(route.generation), `/paths/${pointerEscape(route.path)}`) as {
      parameters?: unknown[];
    };
    const out: Parameter[] = [];
    const collect = (list: unknown, base: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((p, i) => {
        out.push({ ...(p as Omit<Parameter, "pointer">), pointer: `${base}/parameters/${i}` });
      });
    };
    collect(pathItem.parameters, `/paths/${pointerEscape(route.path)}`);
    collect(op.parameters, operationPointer(route));
    return out;
  };

  const shapes = new Map<Route, ErrorShape>();
  const shapeOf = (route: Route): ErrorShape => {
    let shape = shapes.get(route);
    if (!shape) {
      shape = route.generation === "v2" ? "v2" : "standard";
      if (route.generation === "v3") {
        const responses = (operation(route).responses ?? {}) as Record<string, JsonSchema>;
        const declared = responses["400"] ?? responses["401"];
        const content = declared?.content as Record<string, JsonSchema> | undefined;
        const schema = content?.["application/json"]?.schema as JsonSchema | undefined;
        const text = JSON.stringify(schema ?? {});
        if (text.includes("/V1APIError")) shape = "v1";
        else if (text.includes("/LegacyAPIError")) shape = "legacy";
      }
      shapes.set(route, shape);
    }
    return shape;
  };

  // The specs are read-only, so what a route's request checks need (its parameters, their
  // validators, its body schema) is looked up once per route instead of on every request.
  const plans = new Map<Route, RequestPlan>();
  const requestPlan = (route: Route): RequestPlan => {
    let plan = plans.get(route);
    if (!plan) {
      const lazy = (pointer: string) => {
        let fn: ValidateFunction | undefined;
        return () => {
          fn ??= validatorFor(route.generation, pointer);
          return fn;
        };
      };
      const contentType = route.descriptor.requestBody?.contentType ?? "application/json";
      const bodyPointer = `${operationPointer(route)}/requestBody/content/${pointerEscape(contentType)}/schema`;
      const declared = parameters(route).filter((p) => p.in === "query" || p.in === "path");
      plan = {
        parameters: declared.map((param) => ({ param, fn: lazy(`${param.pointer}/schema`) })),
        queryNames: new Set(declared.filter((p) => p.in === "query").map((p) => p.name)),
        body:
          resolve(doc(route.generation), bodyPointer) === undefined ? undefined : lazy(bodyPointer),
        bodyRequired: route.descriptor.requestBody?.required === true,
      };
      plans.set(route, plan);
    }
    return plan;
  };

  const assertShape = (
    fn: ValidateFunction,
    value: unknown,
    context: string,
    what: string,
  ): void => {
    if (!fn(value)) {
      throw new TypeError(`${context}: not a valid ${what}: ${describe(fn.errors)}`);
    }
  };

  return {
    checkRequest(route, parts) {
      const plan = requestPlan(route);
      for (const name in parts.query) {
        if (!plan.queryNames.has(name)) {
          return {
            param: name,
            message: `${name} is not a query parameter of ${route.method} ${route.path}${
              plan.queryNames.size > 0 ? `; it takes ${[...plan.queryNames].join(", ")}` : ""
            }.`,
          };
        }
      }
      for (const { param, fn } of plan.parameters) {
        const raw = param.in === "query" ? parts.query[param.name] : parts.params[param.name];
        if (raw === undefined) {
          if (param.required) return { param: param.name, message: `${param.name} is required.` };
          continue;
        }
        if (Array.isArray(raw)) {
          return { param: param.name, message: `${param.name} must be given once.` };
        }
        const value = coerce(raw, param.schema?.type);
        if (!fn()(value)) return { param: param.name, message: parameterMessage(param, raw) };
      }
      if (plan.body !== undefined) {
        if (parts.body === undefined && plan.bodyRequired) {
          return {
            param: null,
            message:
              route.descriptor.requestBody?.contentType === "multipart/form-data"
                ? "The request body must be multipart/form-data."
                : "The request body must be a JSON object.",
          };
        }
        const fn = plan.body();
        if (!fn(parts.body ?? {})) return bodyProblem(fn.errors ?? []);
      }
      return undefined;
    },
    checkResponse(route, status, headers, body) {
      const responses = (operation(route).responses ?? {}) as Record<string, unknown>;
      const key = [String(status), `${String(status)[0]}XX`, "default"].find(
        (k) => responses[k] !== undefined,
      );
      const source: ResponseSchemaSource =
        key === undefined ? "error-shape" : key === "default" ? "default" : "declared";
      const problems: string[] = [];
      if (key === undefined) {
        const fallback = fallbackFor(route.generation, shapeOf(route));
        if (!fallback(body)) problems.push(`body: ${describe(fallback.errors)}`);
        return { source, problems };
      }
      const base = `${operationPointer(route)}/responses/${pointerEscape(key)}`;
      const declared = responses[key] as {
        content?: Record<string, unknown>;
        headers?: Record<string, { required?: boolean; schema?: { type?: string } }>;
      };
      if (declared.content?.["application/json"] !== undefined) {
        const fn = validatorFor(route.generation, `${base}/content/application~1json/schema`);
        if (!fn(body)) problems.push(`body: ${describe(fn.errors)}`);
      }
      for (const [name, header] of Object.entries(declared.headers ?? {})) {
        const value = headers[name.toLowerCase()];
        if (value === undefined) {
          // Retry-After is what makes a 429 actionable; the fake always sends it.
          if (header.required || name.toLowerCase() === "retry-after") {
            problems.push(`header ${name} is missing`);
          }
          continue;
        }
        const fn = validatorFor(route.generation, `${base}/headers/${pointerEscape(name)}/schema`);
        if (!fn(coerce(value, header.schema?.type))) {
          problems.push(`header ${name}: ${describe(fn.errors)}`);
        }
      }
      return { source, problems };
    },
    errorShape: (route) => shapeOf(route),
    successSchema(route) {
      const responses = (operation(route).responses ?? {}) as Record<string, JsonSchema>;
      const ok = responses["200"] ?? responses["201"];
      const root = doc(route.generation);
      const schema = (ok?.content as Record<string, JsonSchema> | undefined)?.["application/json"]
        ?.schema as JsonSchema | undefined;
      if (!schema) return undefined;
      return { schema, resolve: (node) => deref(root, node) };
    },
    enumValues(generation, component) {
      const schema = resolve(doc(generation), `/components/schemas/${pointerEscape(component)}`) as
        | JsonSchema
        | undefined;
      return Array.isArray(schema?.enum) ? (schema.enum as unknown[]).map(String) : [];
    },
    isValid(generation, component, value) {
      return validatorFor(generation, `/components/schemas/${pointerEscape(component)}`)(value);
    },
    assertGroup(group, context) {
      assertShape(
        validatorFor("v3", "/components/schemas/AvatarGroupItem"),
        group,
        context,
        "AvatarGroupItem",
      );
    },
    assertLook(look, context) {
      assertShape(
        validatorFor("v2", "/components/schemas/PhotoAvatarLook"),
        look,
        context,
        "PhotoAvatarLook",
      );
    },
  };
}

let shared: SpecValidator | undefined;

/**
 * The process-wide validator the fakes use. It is a memo of compiled, read-only schemas (no
 * fake's state lives here), shared so that each new fake does not recompile them.
 */
export function sharedSpecValidator(): SpecValidator {
  shared ??= createSpecValidator();
  return shared;
}

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the
// module object, so take `.default` when it is there.
const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ??
  formatsPlugin) as unknown as (ajv: Ajv2020) => Ajv2020;

function pointerEscape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function resolve(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split("/").slice(1)) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function deref(root: unknown, node: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; typeof current.$ref === "string" && hops < 64; hops++) {
    const target = resolve(root, (current.$ref as string).replace(/^#/, ""));
    if (typeof target !== "object" || target === null) break;
    current = target as JsonSchema;
  }
  return current;
}

function coerce(raw: string, type: string | string[] | undefined): unknown {
  const types = Array.isArray(type) ? type : [type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(raw)) {
    return Number(raw);
  }
  if (types.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function parameterMessage(param: Parameter, raw: string): string {
  const schema = param.schema ?? {};
  if (schema.minimum !== undefined && schema.maximum !== undefined) {
    return `${param.name} must be ${schema.type === "integer" ? "an integer " : ""}between ${schema.minimum} and ${schema.maximum}.`;
  }
  if (schema.enum) {
    return `${param.name} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}; got ${JSON.stringify(raw)}.`;
  }
  return `${param.name} is not a valid ${String(schema.type ?? "value")}.`;
}

function bodyProblem(errors: ErrorObject[]): RequestProblem {
  // Composite keywords (oneOf, anyOf) only say that a branch failed; the branch's own error names
  // the field. Prefer a missing or unknown field, then the deepest error.
  const specific = errors.filter(
    (e) => !["oneOf", "anyOf", "allOf", "if", "not"].includes(e.keyword),
  );
  const ranked = (specific.length > 0 ? specific : errors)
    .slice()
    .sort((a, b) => rank(a) - rank(b));
  const error = ranked[0];
  if (!error) return { param: null, message: "The request body is invalid." };
  const path = error.instancePath.split("/").filter(Boolean);
  if (error.keyword === "required") {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    return {
      param: [...path, missing].join("."),
      message: `${[...path, missing].join(".")} is required.`,
    };
  }
  if (error.keyword === "additionalProperties") {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    const param = [...path, extra].join(".");
    return { param, message: `${param} is not a field of this request.` };
  }
  if (error.keyword === "discriminator") {
    const tag = String((error.params as { tag?: string }).tag);
    const param = [...path, tag].join(".");
    return { param, message: `${param} must be one of the documented kinds.` };
  }
  const param = path.length > 0 ? path.join(".") : null;
  const subject = param ?? "The request body";
  const limit = (error.params as { limit?: number }).limit;
  if (error.keyword === "minItems") {
    return { param, message: `${subject} must have at least ${limit} item(s).` };
  }
  if (error.keyword === "maxItems") {
    return { param, message: `${subject} must have at most ${limit} item(s).` };
  }
  if (error.keyword === "enum") {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return {
      param,
      message: `${subject} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}.`,
    };
  }
  return { param, message: `${subject} ${error.message ?? "is invalid"}.` };
}

function rank(error: ErrorObject): number {
  const first = error.keyword === "required" || error.keyword === "additionalProperties" ? 0 : 1;
  return first * 1000 - error.instancePath.split("/").length;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword}`)
    .join("; ");
}
