import { createRequire } from "node:module";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeHeyGen, type FakeHeyGen, type FaultSpec } from "../src/index.js";

// An ajv of its own, compiled straight from the bundled documents, so the fake's validator is
// not checking itself.
const require = createRequire(import.meta.url);
const specs = {
  v2: require("@heygen-openapi/types/v2/openapi.json") as Spec,
  v3: require("@heygen-openapi/types/v3/openapi.json") as Spec,
};
type Spec = { paths: Record<string, Record<string, Operation>> };
type Operation = {
  operationId: string;
  responses: Record<string, { headers?: Record<string, unknown> }>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(specs.v2, "v2");
ajv.addSchema(specs.v3, "v3");
const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

const OPERATIONS = Object.entries(specs).flatMap(([generation, spec]) =>
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      generation: generation as "v2" | "v3",
      path,
      method,
      op,
    })),
  ),
);

/** How a response was validated, for the test's own report. */
function validatorFor(operationId: string, status: number): { fn: ValidateFunction; how: string } {
  const found = OPERATIONS.find((o) => o.op.operationId === operationId)!;
  const key = [String(status), "default"].find((k) => found.op.responses[k] !== undefined);
  if (key === undefined) {
    // Declared by neither the operation nor a default: HeyGen's v3 error shape.
    return {
      how: "v3 error shape (undeclared status)",
      fn: ajv.compile({
        type: "object",
        required: ["error"],
        properties: { error: { $ref: "v3#/components/schemas/StandardAPIError" } },
      }),
    };
  }
  const pointer = `${found.generation}#/paths/${esc(found.path)}/${found.method}/responses/${key}/content/application~1json/schema`;
  return { how: `responses.${key}`, fn: ajv.compile({ $ref: pointer }) };
}

interface Sent {
  operationId: string;
  status: number;
  headers: Headers;
  text: string;
}

describe("every response the fake sends validates against the bundled spec", () => {
  let fake: FakeHeyGen;
  const sent: Sent[] = [];
  const report = new Map<string, Set<number>>();

  beforeAll(async () => {
    fake = await createFakeHeyGen({ apiKey: "k", looks: { pendingReads: 1 } });
    const url = await fake.listen();
    const privateGroup = fake.state.groups({ ownership: "private" })[0]!.id;
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${url}${path}`, {
        ...init,
        headers: { "x-api-key": "k", "content-type": "application/json", ...init.headers },
      });
      const record = fake.requests.at(-1)!;
      sent.push({
        operationId: record.operationId!,
        status: response.status,
        headers: response.headers,
        text: await response.text(),
      });
    };
    const add = (body: unknown) =>
      call("/v2/photo_avatar/avatar_group/add", { method: "POST", body: JSON.stringify(body) });
    const addBody = JSON.stringify({
      group_id: privateGroup,
      image_keys: ["k1", "k2"],
      name: "Look",
    });
    const requests: Record<string, [string, RequestInit]> = {
      listAvatarGroups: ["/v3/avatars?limit=3", {}],
      getAvatarGroup: [`/v3/avatars/${privateGroup}`, {}],
      "add-looks-to-photo-avatar-group": [
        "/v2/photo_avatar/avatar_group/add",
        { method: "POST", body: addBody },
      ],
      "photo-avatar-details": ["/v2/photo_avatar/0d9ub062cf7d4d908622c9b3c85c8659", {}],
      "list-all-avatars-in-one-avatar-group": [`/v2/avatar_group/${privateGroup}/avatars`, {}],
    };
    // Successes, then every error path the engine has.
    for (const [path, init] of Object.values(requests)) await call(path, init);
    for (const [path, init] of Object.values(requests)) {
      await call(path, { ...init, headers: { "x-api-key": "" } });
      await call(path, { ...init, headers: { "x-api-key": "wrong" } });
    }
    await add({});
    await call("/v3/avatars?limit=0");
    await call("/v3/avatars?ownership=mine");
    await call("/v3/avatars?token=bad");
    await call("/v3/avatars/missing");
    await call("/v2/photo_avatar/missing");
    await call("/v2/avatar_group/missing/avatars");
    await add({ group_id: "missing", image_keys: ["k"], name: "x" });
    await add({ group_id: privateGroup, image_keys: ["1", "2", "3", "4", "5"], name: "x" });
    await call("/v2/photo_avatar/avatar_group/add", { method: "POST", body: "nope" });
    // Looks in every state: pending, completed, moderation_rejected, failed.
    const look = fake.state.looks(privateGroup).at(-1)!;
    await call(`/v2/photo_avatar/${look.id}`);
    await call(`/v2/photo_avatar/${look.id}`);
    await call(`/v2/photo_avatar/${look.id}`);
    fake.state.settleLook(look.id, "moderation_rejected");
    await call(`/v2/photo_avatar/${look.id}`);
    fake.state.settleLook(look.id, "failed");
    await call(`/v2/avatar_group/${privateGroup}/avatars`);
    // Every fault mode that sends JSON, on every operation. The others send no valid JSON by
    // design (malformed-body, truncated-body) or no response at all (connection-reset, hang);
    // faults.test.ts covers them.
    const faults: FaultSpec[] = [
      { status: 429, retryAfter: 2 },
      { status: 429 },
      { status: 500 },
      { status: 502 },
      { status: 503, retryAfter: 5 },
      { status: 504 },
      { status: 500, afterOperation: true },
      { kind: "latency", ms: 1 },
    ];
    for (const fault of faults) {
      for (const [operationId, [path, init]] of Object.entries(requests)) {
        fake.inject({ ...fault, operationId } as FaultSpec);
        await call(path, init);
      }
    }
    for (const s of sent) {
      const seen = report.get(s.operationId) ?? new Set<number>();
      seen.add(s.status);
      report.set(s.operationId, seen);
    }
  });
  afterAll(async () => {
    await fake.close();
  });

  it("covers the avatar operations with successes and errors (every-operation.test.ts walks the rest)", () => {
    expect([...report.keys()].sort()).toEqual([
      "add-looks-to-photo-avatar-group",
      "getAvatarGroup",
      "list-all-avatars-in-one-avatar-group",
      "listAvatarGroups",
      "photo-avatar-details",
    ]);
    expect([...report.get("listAvatarGroups")!].sort()).toEqual([
      200, 400, 401, 429, 500, 502, 503, 504,
    ]);
    expect([...report.get("getAvatarGroup")!].sort()).toEqual([
      200, 401, 404, 429, 500, 502, 503, 504,
    ]);
    for (const v2 of ["photo-avatar-details", "list-all-avatars-in-one-avatar-group"]) {
      expect([...report.get(v2)!].sort()).toEqual([200, 401, 404, 429, 500, 502, 503, 504]);
    }
    expect([...report.get("add-looks-to-photo-avatar-group")!].sort()).toEqual([
      200, 400, 401, 404, 429, 500, 502, 503, 504,
    ]);
    const statuses = new Set(fake.state.looks().map((l) => l.status));
    expect(statuses).toEqual(new Set(["completed", "failed", "pending"]));
  });

  it("validates each body against the response the spec declares (or the v3 error shape)", () => {
    const failures: string[] = [];
    const how = new Set<string>();
    for (const s of sent) {
      const { fn, how: used } = validatorFor(s.operationId, s.status);
      how.add(`${s.operationId} ${s.status}: ${used}`);
      if (!fn(JSON.parse(s.text))) {
        failures.push(`${s.operationId} ${s.status}: ${ajv.errorsText(fn.errors)}`);
      }
    }
    expect(failures).toEqual([]);
    // Only v3 5xx answers fall back to the error shape: the v3 spec declares no 5xx.
    const fallbacks = [...how].filter((h) => h.includes("undeclared")).map((h) => h.split(":")[0]);
    expect(fallbacks).toHaveLength(8);
    expect(fallbacks.every((h) => / 50\d$/.test(h!) && /AvatarGroup/.test(h!))).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it("sends Retry-After as the integer header the spec declares on every 429", () => {
    const limited = sent.filter((s) => s.status === 429);
    expect(limited).toHaveLength(10);
    for (const s of limited) expect(s.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("answers requests to no operation in the error shape of the generation their path names", async () => {
    const shapes = {
      v2: ajv.compile({ $ref: "v2#/components/schemas/V2ErrorResponse" }),
      v3: ajv.compile({
        type: "object",
        required: ["error"],
        properties: { error: { $ref: "v3#/components/schemas/StandardAPIError" } },
      }),
    };
    const cases = [
      ["GET", "/v3/holograms", "v3", 404],
      ["DELETE", "/v3/avatars", "v3", 405],
      ["GET", "/v2/video/list", "v2", 404],
      ["PUT", "/v2/photo_avatar/x", "v2", 405],
      ["GET", "/", "v3", 404],
    ] as const;
    for (const [method, path, generation, status] of cases) {
      const response = await fetch(`${fake.url}${path}`, { method, headers: { "x-api-key": "k" } });
      expect(response.status, `${method} ${path}`).toBe(status);
      const body = await response.json();
      expect(
        shapes[generation](body),
        `${method} ${path}: ${ajv.errorsText(shapes[generation].errors)}`,
      ).toBe(true);
    }
  });

  it("has a validator that does reject wrong bodies", () => {
    const list = validatorFor("listAvatarGroups", 200).fn;
    expect(list({ data: [], has_more: false, next_token: null })).toBe(true);
    expect(list({ data: [{ id: "x" }], has_more: false, next_token: null })).toBe(false);
    const look = validatorFor("photo-avatar-details", 200).fn;
    expect(look({ error: null, data: { id: "x" } })).toBe(false);
    expect(validatorFor("getAvatarGroup", 404).fn({ error: { message: "no code" } })).toBe(false);
  });
});
