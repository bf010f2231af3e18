import type { OperationDescriptor } from "@heygen-openapi/types";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeHeyGen, type FakeHeyGen } from "../src/index.js";
import {
  ALL,
  badRequest,
  type Call,
  type ResourceIds,
  SPECS,
  seedResources,
  specOperation,
  validRequest,
} from "./operation-requests.js";

// An ajv of its own, compiled straight from the bundled documents, so the fake's validator is
// not checking itself.
const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
for (const name of ["float", "double", "int32", "int64", "binary", "uri", "date-time", "email"])
  ajv.addFormat(name, true);
ajv.addSchema(SPECS.v2, "v2");
ajv.addSchema(SPECS.v3, "v3");
const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

function responseValidator(op: OperationDescriptor, status: number) {
  const responses = specOperation(op).responses as Record<string, unknown>;
  if (responses[String(status)] === undefined) {
    // The v2 pages declare only their 200: errors come in the v2 envelope.
    expect(op.spec, `${op.key} declares ${status}`).toBe("v2");
    return ajv.compile({ $ref: "v2#/components/schemas/V2ErrorResponse" });
  }
  return ajv.compile({
    $ref: `${op.spec}#/paths/${esc(op.path)}/${op.method.toLowerCase()}/responses/${status}/content/application~1json/schema`,
  });
}

let fake: FakeHeyGen;
let call: Call;
let ids: ResourceIds;

beforeAll(async () => {
  fake = await createFakeHeyGen({ apiKey: "k", seed: 3 });
  const url = await fake.listen();
  call = (method, path, init = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        "x-api-key": "k",
        ...(init.contentType ? { "content-type": init.contentType } : {}),
        ...init.headers,
      },
      body: init.body,
    });
  ids = await seedResources(fake, call);
});
afterAll(async () => {
  await fake.close();
});

describe("every operation of the registry, over HTTP", () => {
  it("has the whole published API to walk", () => {
    expect(ALL.length).toBeGreaterThanOrEqual(65);
  });

  it.each(
    ALL.map((op) => [op.key, op] as const),
  )("%s answers a valid request with its 200", async (_key, op) => {
    const request = validRequest(op, ids);
    const response = await call(op.method, request.path, request);
    const text = await response.text();
    expect(response.status, `${op.key}: ${text}`).toBe(200);
    const body = JSON.parse(text) as Record<string, unknown>;
    const validate = responseValidator(op, 200);
    expect(validate(body), `${op.key}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    // Realistic, not empty: the answer carries data wherever the schema has fields for it.
    const data = body.data;
    if (data !== undefined && typeof data === "object" && data !== null && !Array.isArray(data)) {
      const declared = JSON.stringify(specOperation(op).responses).length;
      if (declared > 400)
        expect(Object.keys(data).length, `${op.key} answered an empty object`).toBeGreaterThan(0);
    }
    expect(fake.violations).toEqual([]);
    expect(fake.requests.at(-1)!.operationId).toBe(op.operationId);
  });

  it.each(
    ALL.map((op) => [op.key, op] as const),
  )("%s answers a bad request with its 400 naming the field", async (_key, op) => {
    const request = badRequest(op, ids);
    const response = await call(op.method, request.path, request);
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status, `${op.key}: ${JSON.stringify(body)}`).toBe(400);
    const validate = responseValidator(op, 400);
    expect(validate(body), `${op.key}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const error = (body.error ?? body) as { param?: string | null; message: string };
    if ("param" in error) expect(error.param, op.key).toBe(request.param);
    else expect(error.message, op.key).toContain(request.param);
    expect(fake.violations).toEqual([]);
  });
});
