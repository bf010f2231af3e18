import { describe, expect, it } from "vitest";
import { createEngine, type EngineOptions } from "./engine.js";
import { createLifecycle } from "./lifecycle.js";
import { createSpecValidator, type SpecValidator } from "./spec-validation.js";

const real = createSpecValidator();

function engineWith(validator: SpecValidator, overrides: Partial<EngineOptions> = {}) {
  return createEngine({
    apiKey: "k",
    bearerTokens: [],
    seed: 1,
    latencyMs: 0,
    now: () => 0,
    looks: {},
    seedCounts: { public: 2, private: 1 },
    validateResponses: true,
    validator,
    jobs: {},
    webhooks: {},
    lifecycle: createLifecycle(),
    ...overrides,
  });
}

const request = (url: string) => ({
  method: "GET",
  url,
  headers: { "x-api-key": "k" },
  body: undefined,
  transport: "fetch" as const,
});

describe("the engine", () => {
  it("is a pure description: one request in, one response description out", () => {
    const engine = engineWith(real);
    const response = engine.handle(request("/v3/avatars?limit=1"));
    expect(response).toMatchObject({ kind: "respond", status: 200, delayMs: 0 });
    if (response.kind !== "respond") throw new Error("unreachable");
    expect(response.headers).toMatchObject({
      "content-type": "application/json",
      "x-request-id": "fake-1-1",
    });
    expect(JSON.parse(response.body)).toMatchObject({ has_more: true });
  });

  it("records a response that breaks the spec as a violation naming it", () => {
    const broken: SpecValidator = {
      ...real,
      checkResponse: () => ({ source: "declared", problems: ["body: /data must be array"] }),
    };
    const engine = engineWith(broken);
    engine.handle(request("/v3/avatars"));
    expect(engine.violations).toEqual(["GET /v3/avatars -> 200: body: /data must be array"]);
  });

  it("skips response checks when validateResponses is false", () => {
    let checked = 0;
    const counting: SpecValidator = {
      ...real,
      checkResponse: (...args) => {
        checked++;
        return real.checkResponse(...args);
      },
    };
    engineWith(counting, { validateResponses: false }).handle(request("/v3/avatars"));
    expect(checked).toBe(0);
    engineWith(counting).handle(request("/v3/avatars"));
    expect(checked).toBe(1);
  });

  it("checks an answer once per distinct bytes, and a bad one every time", () => {
    let checked = 0;
    const counting: SpecValidator = {
      ...real,
      checkResponse: (...args) => {
        checked++;
        return real.checkResponse(...args);
      },
    };
    const engine = engineWith(counting);
    engine.handle(request("/v3/avatars?limit=1"));
    engine.handle(request("/v3/avatars?limit=1"));
    expect(checked).toBe(1);
    engine.handle(request("/v3/avatars?limit=2"));
    expect(checked).toBe(2);

    const broken: SpecValidator = {
      ...real,
      checkResponse: () => ({ source: "declared", problems: ["body: /data must be array"] }),
    };
    const bad = engineWith(broken);
    bad.handle(request("/v3/avatars"));
    bad.handle(request("/v3/avatars"));
    expect(bad.violations).toHaveLength(2);
  });

  it("answers methods the route does not serve with 405", () => {
    const engine = engineWith(real);
    const response = engine.handle({ ...request("/v3/avatars"), method: "DELETE" });
    expect(response).toMatchObject({
      kind: "respond",
      status: 405,
      headers: { allow: "GET, POST" },
    });
  });
});
