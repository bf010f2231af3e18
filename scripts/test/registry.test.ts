import { SpecInputError } from "@heygen-openapi/spec-tools";
import { describe, expect, test } from "vitest";
import { camelCase, readEntities, readRegistry, renderRegistry } from "../src/registry.mjs";

const ok = (data: unknown) => ({
  "200": { description: "ok", content: { "application/json": { schema: data } } },
});

function doc(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  return { openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components: { schemas } };
}

describe("readRegistry", () => {
  test("reads method, path, parameters, body, statuses, pagination and job states", () => {
    const document = doc(
      {
        "/v3/things": {
          get: {
            operationId: "listThings",
            tags: ["Things"],
            parameters: [
              { name: "limit", in: "query", schema: { type: "integer" } },
              { name: "token", in: "query", schema: { type: "string" } },
            ],
            responses: ok({
              type: "object",
              properties: {
                data: { type: "array", items: { $ref: "#/components/schemas/Thing" } },
                has_more: { type: "boolean" },
                next_token: { type: ["string", "null"] },
              },
            }),
          },
          post: {
            operationId: "create-thing",
            requestBody: { required: true, content: { "multipart/form-data": { schema: {} } } },
            responses: { ...ok({}), "400": { description: "bad" } },
          },
        },
        "/v3/things/{thing_id}": {
          parameters: [{ $ref: "#/components/parameters/ThingId" }],
          get: {
            operationId: "getThing",
            responses: ok({
              type: "object",
              properties: { data: { $ref: "#/components/schemas/Thing" } },
            }),
          },
        },
      },
      {
        Thing: {
          type: "object",
          properties: { status: { $ref: "#/components/schemas/ThingStatus" } },
        },
        ThingStatus: {
          enum: ["working", "done", "broken"],
          "x-heygen-job": { done: ["done"], failed: ["broken"] },
        },
      },
    );
    (document.components as Record<string, unknown>).parameters = {
      ThingId: { name: "thing_id", in: "path", required: true, schema: { type: "string" } },
    };
    const [list, create, get] = readRegistry([{ spec: "v3", document, file: "t.json" }]);
    expect(list).toMatchObject({
      key: "GET /v3/things",
      exportName: "listThings",
      tag: "Things",
      queryParams: ["limit", "token"],
      pagination: { items: "data", hasMore: "has_more", nextToken: "next_token" },
      job: null,
    });
    expect(create).toMatchObject({
      exportName: "createThing",
      requestBody: { contentType: "multipart/form-data", required: true },
      statuses: [200, 400],
      pagination: null,
      tag: null,
    });
    expect(get).toMatchObject({
      pathParams: ["thing_id"],
      job: { statusField: "status", done: ["done"], failed: ["broken"] },
    });
  });

  test("an undeclared path parameter is a SpecInputError naming the operation and place", () => {
    const document = doc({
      "/v3/things/{id}": { get: { operationId: "getThing", responses: ok({}) } },
    });
    const read = () => readRegistry([{ spec: "v3", document, file: "specs/v3/openapi.json" }]);
    expect(read).toThrow(SpecInputError);
    expect(read).toThrow(
      "specs/v3/openapi.json (at /paths/~1v3~1things~1{id}/get): GET /v3/things/{id}: path parameter id is not declared",
    );
  });

  test("two operations with one export name, or none with an operationId, are refused", () => {
    const twice = doc({
      "/v3/a": { get: { operationId: "get-thing", responses: ok({}) } },
      "/v3/b": { get: { operationId: "getThing", responses: ok({}) } },
    });
    expect(() => readRegistry([{ spec: "v3", document: twice, file: "f" }])).toThrow(
      /GET \/v3\/b: its export name getThing is also GET \/v3\/a's/,
    );
    const anonymous = doc({ "/v3/a": { get: { responses: ok({}) } } });
    expect(() => readRegistry([{ spec: "v3", document: anonymous, file: "f" }])).toThrow(
      /GET \/v3\/a: has no operationId/,
    );
  });

  test("renders typed descriptors whose OperationTypes point into the generated paths", () => {
    const document = doc({
      "/v2/x/{id}": {
        parameters: [{ name: "id", in: "path" }],
        delete: { operationId: "x-y", deprecated: true, responses: ok({}) },
      },
    });
    const text = renderRegistry(readRegistry([{ spec: "v2", document, file: "f" }]));
    expect(text).toContain("export const xY = {");
    expect(text).toContain("@deprecated");
    expect(text).toContain('"DELETE /v2/x/{id}": V2Paths["/v2/x/{id}"]["delete"];');
    expect(text).toContain('  "DELETE /v2/x/{id}": xY,');
  });
});

test("camelCase and entity names", () => {
  expect(camelCase("photo-avatar-details")).toBe("photoAvatarDetails");
  expect(camelCase("getVideoV3")).toBe("getVideoV3");
  expect(readEntities(doc({}, { VideoDetail: { "x-heygen-entity": "Video" }, Other: {} }))).toEqual(
    [{ alias: "Video", schema: "VideoDetail" }],
  );
});
