// Input fuzz (issue 7, suite 3): ids, query values and body fields full of `/`, `..`, `%`, `?`,
// `#`, unicode and control characters always stay inside the intended path segment, query value
// or field, as the fake's request log shows; option values of the wrong type give the
// configuration error before anything is sent.
import {
  createHeyGenClient,
  type HeyGenClient,
  HeyGenConfigurationError,
  HeyGenError,
  HeyGenValidationError,
} from "@heygen-openapi/client";
import { createFakeHeyGen, type FakeHeyGen } from "@heygen-openapi/testing";
import {
  getAvatarGroup,
  listAllAvatarsInOneAvatarGroup,
  type OperationDescriptor,
  photoAvatarDetails,
} from "@heygen-openapi/types";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  countResources,
  leakedSince,
  type ResourceCounts,
  trackUnhandledRejections,
} from "./support/resources.js";
import { API_KEY, secretLeaks } from "./support/secrets.js";

const SEED = 3_2026;
const RUNS = 300;

let fake: FakeHeyGen;
let client: HeyGenClient;
let baseline: ResourceCounts;
const unhandled = trackUnhandledRejections();
const figures = {
  pathCases: 0,
  queryCases: 0,
  bodyCases: 0,
  optionCases: 0,
  fakeRequestCases: 0,
  requests: 0,
  failures: 0,
};

beforeAll(async () => {
  baseline = countResources();
  fake = await createFakeHeyGen({ apiKey: API_KEY, seed: SEED });
  await fake.listen();
  client = createHeyGenClient({ apiKey: API_KEY, baseUrl: fake.url, maxRetries: 0 });
});

afterAll(async () => {
  figures.requests = fake?.requests.length ?? 0;
  await fake?.close();
  const leaked = await leakedSince(baseline);
  unhandled.stop();
  console.log(
    `[input-fuzz] cases fuzzed: ${figures.pathCases} path ids, ${figures.queryCases} query values, ${figures.bodyCases} bodies, ` +
      `${figures.optionCases} wrong options, ${figures.fakeRequestCases} hostile raw requests to the fake; HTTP requests: ${figures.requests}, unhandled rejections: ${unhandled.count}, ` +
      `leaked resources: ${JSON.stringify(leaked)}, failures: ${figures.failures}`,
  );
  expect(leaked).toEqual({});
  expect(unhandled.count).toBe(0);
});

/** Runs `body` and counts a failure if it throws, so the printed figure matches the outcome. */
async function counted(body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    figures.failures++;
    throw e;
  }
}

// Well-formed strings only here: a lone surrogate has no UTF-8 form (its own test is below).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const hostileUnit = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "/",
      "..",
      ".",
      "%",
      "%2F",
      "%2e%2e",
      "%25",
      "?",
      "#",
      "&",
      "=",
      "+",
      " ",
      "\\",
      ";",
      ":",
      "@",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "\u0000",
      "\n",
      "\r",
      "\t",
      "\u007f",
      "\u0085",
      "\u2028",
      "\u202e",
      "\ufeff",
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom("é", "ß", "😀", "中", "\u0301", "ｆ", "İ") },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom("a", "v1", "user", "me", "avatars", "v3", "v2") },
);
const hostile = fc
  .oneof(
    fc.string({ unit: hostileUnit, minLength: 1, maxLength: 12 }),
    fc.constantFrom(
      "../v1/user/me",
      "..%2f..%2fv1%2fuser",
      "./.",
      "...",
      "a/../../b",
      "%2e%2e",
      ".%2e",
      "?ownership=private",
      "#frag",
      "x?y#z",
      "group id",
      "\\..\\..\\",
    ),
  )
  .filter((s) => s !== "" && !LONE_SURROGATE.test(s) && s !== "." && s !== "..");

/** The operation each client call must reach, from the registry: its path segments (0 for the id) and operationId. */
const route = (op: OperationDescriptor) => ({
  template: op.path
    .split("/")
    .slice(1)
    .map((segment) => (segment.startsWith("{") ? 0 : segment)),
  operationId: op.operationId,
});
const ROUTES = {
  get: route(getAvatarGroup),
  listLooks: route(listAllAvatarsInOneAvatarGroup),
  photo: route(photoAvatarDetails),
};
type PathOp = keyof typeof ROUTES;

function callWithId(op: PathOp, id: string) {
  if (op === "get") return client.avatarGroups.get(id);
  if (op === "listLooks") return client.avatarGroups.listLooks(id);
  return client.photoAvatars.get(id);
}

describe("input fuzz: path parameters", () => {
  test(`${RUNS} hostile ids stay one path segment of the intended operation`, async () => {
    await counted(() =>
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom<PathOp>("get", "listLooks", "photo"),
          hostile,
          async (op, id) => {
            figures.pathCases++;
            const before = fake.requests.length;
            const error = await callWithId(op, id).then(
              () => undefined,
              (e: unknown) => e,
            );
            // the id matches nothing, so the fake answers its 404; anything else must still be typed
            expect(error).toBeInstanceOf(HeyGenError);
            expect(fake.requests.length - before).toBe(1);
            const seen = fake.requests[before]!;
            const { template, operationId } = ROUTES[op];
            const segments = seen.path.split("/").slice(1);
            expect(segments).toHaveLength(template.length);
            template.forEach((part, i) => {
              if (part === 0) expect(decodeURIComponent(segments[i]!)).toBe(id);
              else expect(segments[i]).toBe(part);
            });
            expect(seen.operationId).toBe(operationId);
            expect(seen.unmatched).toBe(false);
            expect(seen.query).toEqual({});
            expect(seen.status).toBe(404);
          },
        ),
        { seed: SEED, numRuns: RUNS },
      ),
    );
  });

  test.each([
    ".",
    "..",
    "",
    5,
    null,
    undefined,
    { id: "x" },
  ])("id %j is refused before any request", async (id) => {
    await counted(async () => {
      const before = fake.requests.length;
      for (const op of Object.keys(ROUTES) as PathOp[]) {
        await expect(callWithId(op, id as string)).rejects.toBeInstanceOf(HeyGenValidationError);
      }
      figures.pathCases += 3;
      expect(fake.requests.length).toBe(before);
    });
  });
});

describe("input fuzz: ill-formed unicode", () => {
  test(`${RUNS / 3} ids with a lone surrogate are refused with HeyGenValidationError before any request`, async () => {
    const lone = fc
      .tuple(hostile, fc.integer({ min: 0xd800, max: 0xdfff }), hostile, fc.nat())
      .map(([a, code, b, at]) => {
        const s = a + b;
        const i = at % (s.length + 1);
        return s.slice(0, i) + String.fromCharCode(code) + s.slice(i);
      })
      .filter((s) => LONE_SURROGATE.test(s));
    await counted(() =>
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom<PathOp>("get", "listLooks", "photo"),
          lone,
          async (op, id) => {
            figures.pathCases++;
            const before = fake.requests.length;
            const error = await callWithId(op, id).catch((e: unknown) => e);
            expect(error).toBeInstanceOf(HeyGenValidationError);
            expect(fake.requests.length).toBe(before);
          },
        ),
        { seed: SEED + 5, numRuns: RUNS / 3 },
      ),
    );
  });
});

describe("input fuzz: query values and body fields", () => {
  test(`${RUNS} hostile list tokens arrive as exactly one query value`, async () => {
    await counted(() =>
      fc.assert(
        fc.asyncProperty(
          hostile,
          fc.integer({ min: 1, max: 50 }),
          fc.constantFrom(undefined, "public", "private"),
          async (token, limit, ownership) => {
            figures.queryCases++;
            const before = fake.requests.length;
            const error = await client.avatarGroups.list({ token, limit, ownership }).then(
              () => undefined,
              (e: unknown) => e,
            );
            // a token the fake did not issue is malformed: its 400 names the parameter
            expect(error).toBeInstanceOf(HeyGenError);
            expect(error).toMatchObject({ status: 400, param: "token" });
            expect(fake.requests.length - before).toBe(1);
            const seen = fake.requests[before]!;
            expect(seen.path).toBe("/v3/avatars");
            expect(seen.operationId).toBe("listAvatarGroups");
            expect(seen.query).toEqual({
              token,
              limit: String(limit),
              ...(ownership ? { ownership } : {}),
            });
          },
        ),
        { seed: SEED + 1, numRuns: RUNS },
      ),
    );
  });

  test(`${RUNS / 2} hostile addLooks fields arrive byte for byte in the JSON body`, async () => {
    const groups = fake.state.groups();
    await counted(() =>
      fc.assert(
        fc.asyncProperty(
          fc.array(hostile, { minLength: 1, maxLength: 4 }),
          hostile,
          fc.oneof(hostile, fc.constantFrom(...groups.map((g) => g.id))),
          async (image_keys, name, group_id) => {
            figures.bodyCases++;
            const before = fake.requests.length;
            await client.photoAvatars
              .addLooks({ group_id, image_keys, name })
              .catch((e: unknown) => {
                expect(e).toBeInstanceOf(HeyGenError);
              });
            expect(fake.requests.length - before).toBe(1);
            const seen = fake.requests[before]!;
            expect(seen.path).toBe("/v2/photo_avatar/avatar_group/add");
            expect(seen.query).toEqual({});
            expect(seen.body).toEqual({ group_id, image_keys, name });
          },
        ),
        { seed: SEED + 2, numRuns: RUNS / 2 },
      ),
    );
  });
});

// ---- options of the wrong type ----

const notANumber = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 2 ** 31),
  fc.object({ maxDepth: 1 }),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const notAFunction = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.object({ maxDepth: 1 }),
);

/** Wrong values per client option; each must throw HeyGenConfigurationError naming the option. */
const wrongClientOption = fc.oneof(
  fc.tuple(
    fc.constantFrom(
      "timeoutMs",
      "maxRetries",
      "retryBaseDelayMs",
      "retryMaxDelayMs",
      "maxRetryAfterMs",
    ),
    notANumber,
  ),
  fc.tuple(fc.constant("timeoutMs"), fc.constantFrom(0, -0.5)),
  fc.tuple(fc.constant("maxRetries"), fc.constantFrom(1.5, 0.1, -1)),
  fc.tuple(fc.constantFrom("fetch", "onRequest", "onResponse"), notAFunction),
  fc.tuple(
    fc.constant("logger"),
    fc.oneof(notAFunction, fc.constant({ debug: "no" }), fc.constant({})),
  ),
  fc.tuple(
    fc.constant("headers"),
    fc.oneof(
      fc.constantFrom<unknown>(
        5,
        "abc",
        true,
        { "bad name": "x" },
        { "x-ok": "a\nb" },
        [["only-name"]],
        { "x-emoji": "😀" },
      ),
    ),
  ),
  fc.tuple(
    fc.constant("baseUrl"),
    fc.constantFrom<unknown>(
      5,
      true,
      {},
      [],
      "not a url",
      "ftp://127.0.0.1/",
      "http://user:pw@127.0.0.1/",
      "https://api.example.com/?q=1",
      "https://api.example.com/#f",
      "http://api.example.com",
      "file:///etc/passwd",
    ),
  ),
  fc.tuple(
    fc.constant("userAgent"),
    fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.object({ maxDepth: 1 }),
      fc.constantFrom<unknown>("bad\nagent", "ua\r\nx-evil: 1"),
    ),
  ),
  fc.tuple(
    fc.constant("allowInsecureHttp"),
    fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.object({ maxDepth: 1 })),
  ),
  fc.tuple(
    fc.constant("apiKey"),
    fc.constantFrom<unknown>(5, true, {}, [], "", "has space", "ключ", "tab\tkey", `${API_KEY}\n`),
  ),
);

describe("input fuzz: options of the wrong type", () => {
  test(`${RUNS} wrong client options throw HeyGenConfigurationError naming the option, never echoing the key`, async () => {
    await counted(() =>
      fc.assert(
        fc.property(wrongClientOption, ([name, value]) => {
          figures.optionCases++;
          let error: unknown;
          try {
            createHeyGenClient({ apiKey: API_KEY, baseUrl: fake.url, [name]: value });
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(HeyGenConfigurationError);
          expect((error as Error).message).toContain(name === "apiKey" ? "apiKey" : name);
          expect(secretLeaks(error, API_KEY)).toEqual([]);
        }),
        { seed: SEED + 3, numRuns: RUNS },
      ),
    );
  });

  test("waitUntilReady options of the wrong type reject with HeyGenConfigurationError before any request", async () => {
    const id = fake.state.looks(fake.state.groups()[0]!.id)[0]!.id;
    for (const options of [
      5,
      "x",
      true,
      { intervalMs: "1" },
      { timeoutMs: -1 },
      { intervalMs: Number.NaN },
      { signal: 5 },
    ]) {
      figures.optionCases++;
      const before = fake.requests.length;
      await expect(client.photoAvatars.waitUntilReady(id, options as never)).rejects.toBeInstanceOf(
        HeyGenConfigurationError,
      );
      expect(fake.requests.length).toBe(before);
    }
  });

  test("apiKey and accessToken together, or neither, are configuration errors", () => {
    figures.optionCases += 2;
    expect(() =>
      createHeyGenClient({ apiKey: API_KEY, accessToken: API_KEY, baseUrl: fake.url }),
    ).toThrow(HeyGenConfigurationError);
    const saved = process.env.HEYGEN_API_KEY;
    delete process.env.HEYGEN_API_KEY;
    try {
      expect(() => createHeyGenClient({ baseUrl: fake.url })).toThrow(HeyGenConfigurationError);
    } finally {
      if (saved !== undefined) process.env.HEYGEN_API_KEY = saved;
    }
  });

  test(`${RUNS / 2} wrong per-call options reject with HeyGenConfigurationError and send nothing`, async () => {
    const perCall = fc.oneof(
      fc.constantFrom<unknown>(5, "x", null, true),
      fc
        .tuple(fc.constantFrom("timeoutMs", "maxRetries"), notANumber)
        .map(([k, v]) => ({ [k]: v })),
      fc
        .tuple(fc.constant("signal"), fc.constantFrom<unknown>(5, "s", {}, { aborted: false }))
        .map(([k, v]) => ({ [k]: v })),
      fc
        .tuple(
          fc.constant("headers"),
          fc.constantFrom<unknown>(5, "abc", { "bad name": "x" }, { x: "a\r\nb" }),
        )
        .map(([k, v]) => ({ [k]: v })),
    );
    await counted(() =>
      fc.assert(
        fc.asyncProperty(
          perCall,
          fc.constantFrom<PathOp>("get", "listLooks", "photo"),
          async (options, op) => {
            figures.optionCases++;
            const before = fake.requests.length;
            const id = fake.state.groups()[0]!.id;
            const run =
              op === "get"
                ? client.avatarGroups.get(id, options as never)
                : op === "listLooks"
                  ? client.avatarGroups.listLooks(id, options as never)
                  : client.photoAvatars.get(id, options as never);
            await expect(run).rejects.toBeInstanceOf(HeyGenConfigurationError);
            expect(fake.requests.length).toBe(before);
          },
        ),
        { seed: SEED + 4, numRuns: RUNS / 2 },
      ),
    );
  });
});

describe("input fuzz: the fake under hostile requests", () => {
  test(`${RUNS * 3} raw requests (any method, odd paths and queries, every auth form, garbage bodies): a typed answer, never a 5xx, never the key`, async () => {
    const gid = fake.state.groups()[0]!.id;
    const lid = fake.state.looks(gid)[0]!.id;
    const paths = [
      "/v3/avatars",
      `/v3/avatars/${gid}`,
      "/v3/avatars/nope",
      `/v2/avatar_group/${gid}/avatars`,
      `/v2/photo_avatar/${lid}`,
      "/v2/photo_avatar/avatar_group/add",
      "/",
      "/v3",
      "/v3/avatars/",
      "//v3//avatars",
      "/v3/avatars/%ZZ",
      "/v3/avatars/%2e%2e",
      "/v2/photo_avatar/%C0%AF",
      "/v3/avatars?limit=",
      "/v3/avatars?limit=999999999999999999999",
      "/v3/avatars?limit=-1&limit=2",
      "/v3/avatars?ownership[]=x",
      "/v3/avatars?token=%FF",
    ];
    const statuses: Record<number, number> = {};
    const start = fake.requests.length;
    await counted(() =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: fc.constant("right") },
            fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"),
          ),
          fc.constantFrom(...paths),
          fc.option(fc.webQueryParameters(), { nil: undefined }),
          fc.constantFrom("key", "none", "wrong", "bearer", "wrong bearer", "both"),
          fc.option(
            fc.oneof(
              fc.json(),
              fc.string(),
              fc.constant(JSON.stringify({ group_id: gid, image_keys: ["a"], name: "n" })),
              fc.constant('{"group_id":5,"image_keys":"a","name":[]}'),
              fc.constant("{".repeat(1000)),
            ),
            { nil: undefined },
          ),
          fc.constantFrom(
            undefined,
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
          ),
          async (m, path, query, auth, body, contentType) => {
            figures.fakeRequestCases++;
            const method = m === "right" ? (path.endsWith("/add") ? "POST" : "GET") : m;
            const headers: Record<string, string> = {};
            if (auth === "key" || auth === "both") headers["x-api-key"] = API_KEY;
            if (auth === "wrong") headers["x-api-key"] = "not-the-key";
            if (auth === "bearer" || auth === "both") headers.authorization = `Bearer ${API_KEY}`;
            if (auth === "wrong bearer") headers.authorization = "Bearer not-the-key";
            if (contentType) headers["content-type"] = contentType;
            const url = `${fake.url}${path}${query ? (path.includes("?") ? "&" : "?") + query : ""}`;
            const res = await fetch(url, {
              method,
              headers,
              body: method === "GET" || method === "HEAD" ? undefined : body,
              signal: AbortSignal.timeout(5_000),
            });
            const text = await res.text();
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            expect(
              [200, 400, 401, 404, 405],
              `${method} ${url} -> ${text.slice(0, 200)}`,
            ).toContain(res.status);
            expect(text).not.toContain(API_KEY);
            if (method === "HEAD") return;
            const parsed = JSON.parse(text) as { error?: unknown };
            if (res.status !== 200) expect(parsed.error, `${method} ${url}`).toBeTruthy();
          },
        ),
        { seed: SEED + 6, numRuns: RUNS * 3 },
      ),
    );
    // the fake answered within its spec, and its request log never holds the key
    expect(fake.violations).toEqual([]);
    expect(JSON.stringify(fake.requests.slice(start))).not.toContain(API_KEY);
    // every kind of answer was exercised
    for (const s of [200, 400, 401, 404, 405])
      expect(statuses[s], `status ${s}`).toBeGreaterThan(0);
    // and it still serves a well-formed call afterwards
    await expect(client.avatarGroups.get(gid)).resolves.toMatchObject({ id: gid });
  });
});
