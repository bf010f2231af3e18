// Hostile-response fuzz (issue 7, suite 2): a raw server on 127.0.0.1 answers every call with a
// random status, content type, headers and body (empty, null, arrays, truncated JSON, HTML,
// binary, huge numbers, wrong field types, error objects of every shape, echoes of the key).
// Property: every call resolves to data of the promised shape, exactly as the server sent it, or
// rejects with a HeyGenError, and the key never shows in any error text, log line or hook payload
// (what the client writes); data and responses the server sent reach the caller unaltered.
import { inspect } from "node:util";
import { createHeyGenClient, type HeyGenClient, HeyGenError } from "@heygen-openapi/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RawServer, startRawServer } from "./support/raw-server.js";
import {
  countResources,
  leakedSince,
  type ResourceCounts,
  trackUnhandledRejections,
} from "./support/resources.js";
import { API_KEY, secretLeaks } from "./support/secrets.js";

const SEED = 7_2026;
const RUNS = 600;
const ECHO_RUNS = 200;

/** One hostile answer: the server sends exactly this for every request while it is current. */
interface Plan {
  status: number;
  contentType: string | undefined;
  body: string | Uint8Array;
  /** Announce more bytes than sent, then drop the connection. */
  truncate: boolean;
  headers: Record<string, string>;
}

let plan: Plan;
let server: RawServer;
let client: HeyGenClient;
const logLines: string[] = [];
/** The same client options, but the secret sent as an OAuth bearer token (the key string itself). */
let keyClient: HeyGenClient;
let tokenClient: HeyGenClient;
let baseline: ResourceCounts;
const unhandled = trackUnhandledRejections();
const figures = {
  cases: 0,
  requests: 0,
  resolved: 0,
  rejected: {} as Record<string, number>,
  keyEchoes: 0,
  logLines: 0,
  failures: 0,
};

beforeAll(async () => {
  baseline = countResources();
  server = await startRawServer((_req, res, socket) => {
    const body = typeof plan.body === "string" ? Buffer.from(plan.body) : Buffer.from(plan.body);
    const headers: Record<string, string> = { ...plan.headers };
    if (plan.contentType !== undefined) headers["content-type"] = plan.contentType;
    headers["content-length"] = String(body.byteLength + (plan.truncate ? 10 : 0));
    res.writeHead(plan.status, headers);
    if (plan.truncate) res.write(body, () => socket.destroy());
    else res.end(body);
  });
  const options = {
    baseUrl: server.url,
    maxRetries: 1,
    retryBaseDelayMs: 0,
    retryMaxDelayMs: 0,
    // a hostile Retry-After above this is surfaced instead of slept
    maxRetryAfterMs: 20,
    timeoutMs: 2_000,
  };
  // every log line and hook payload is kept, to prove none of them ever holds the key
  const observe = {
    logger: {
      debug: (message: string, details: unknown) =>
        logLines.push(`${message} ${inspect(details, { depth: 8 })}`),
    },
    onRequest: (info: unknown) => logLines.push(JSON.stringify(info)),
    onResponse: (info: unknown) => logLines.push(JSON.stringify(info)),
  };
  keyClient = createHeyGenClient({ apiKey: API_KEY, ...options, ...observe });
  tokenClient = createHeyGenClient({ accessToken: API_KEY, ...options, ...observe });
  client = keyClient;
});

afterAll(async () => {
  await server?.close();
  const leaked = await leakedSince(baseline);
  unhandled.stop();
  figures.requests = server?.seen.length ?? 0;
  console.log(
    `[hostile-response-fuzz] cases fuzzed: ${figures.cases}, HTTP requests: ${figures.requests}, resolved: ${figures.resolved}, ` +
      `rejected: ${JSON.stringify(figures.rejected)}, key echoed by server: ${figures.keyEchoes}, log lines and hook payloads checked: ${figures.logLines}, ` +
      `unhandled rejections: ${unhandled.count}, leaked resources: ${JSON.stringify(leaked)}, failures: ${figures.failures}`,
  );
  expect(leaked).toEqual({});
  expect(unhandled.count).toBe(0);
});

// ---- what the server sends ----

/** The key with its first character spelled as a JSON `\\u` escape: parsing turns it back into the key. */
const escapedKey = `\\u${API_KEY.charCodeAt(0).toString(16).padStart(4, "0")}${API_KEY.slice(1)}`;

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 0),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** `error` in every shape the two generations (and broken gateways) send. */
const errorField = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.record(
    { code: scalar, message: fc.oneof(scalar, anyJson), param: scalar, doc_url: scalar },
    { requiredKeys: [] },
  ),
  anyJson,
  fc.constant(`invalid key ${API_KEY}`),
  fc.constant({ code: "unauthorized", message: `key ${API_KEY} is not valid`, param: API_KEY }),
);

const group = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 8 }), scalar),
    name: fc.oneof(fc.string({ maxLength: 8 }), scalar),
    looks_count: scalar,
    status: fc.oneof(
      fc.constantFrom("completed", "pending", "failed", "moderation_rejected"),
      scalar,
    ),
  },
  { requiredKeys: [] },
);

/** `data` of the right shape, of a wrong shape, or missing. */
const dataField = fc.oneof(
  group,
  scalar,
  fc.array(anyJson, { maxLength: 3 }),
  fc.record({ avatar_list: fc.oneof(fc.array(group, { maxLength: 2 }), scalar) }),
  fc.record({ photo_avatar_list: fc.oneof(fc.array(group, { maxLength: 2 }), scalar) }),
  fc.constant({ id: API_KEY, name: "echo" }),
);

const envelope = fc.record(
  {
    data: dataField,
    error: errorField,
    has_more: fc.oneof(fc.boolean(), scalar),
    next_token: fc.oneof(fc.string({ maxLength: 6 }), scalar),
    message: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(API_KEY)),
  },
  { requiredKeys: [] },
);

/** A list page: right or wrong in each field. */
const page = fc.record({
  data: fc.oneof(fc.array(group, { maxLength: 3 }), scalar),
  has_more: fc.oneof(fc.boolean(), scalar),
  next_token: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null)),
});

const text = fc.oneof(
  fc.constantFrom(
    "",
    "null",
    "[]",
    "{}",
    "true",
    '"data"',
    "1e999",
    "123456789012345678901234567890",
    '{"data": 1e999}',
    '{"data":',
    "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    `<html><body>Unauthorized: ${API_KEY}</body></html>`,
    API_KEY,
    '{"data":{"id":"a"},"error":null}',
    '{"data":{"id":"a"},"error":{}}',
    '{"data":{"id":"a"},"error":""}',
    '{"data":{"id":"a"},"error":0}',
    '{"data":{"id":"a"},"error":false}',
    "\ufeff{}",
  ),
  fc.oneof(envelope, page, anyJson).map((v) => JSON.stringify(v)),
  // truncated JSON
  fc
    .tuple(
      fc.oneof(envelope, page).map((v) => JSON.stringify(v)),
      fc.nat(),
    )
    .map(([t, n]) => t.slice(0, n % Math.max(1, t.length))),
  fc.string({ maxLength: 40, unit: "binary" }),
);

/** A well-formed success envelope, so that the resolve path is fuzzed as much as the reject path. */
const success = fc
  .oneof(fc.record({ data: dataField, error: fc.constant(null) }), page)
  .map((v) => JSON.stringify(v));

const body = fc.oneof(
  { weight: 3, arbitrary: success },
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
);

const status = fc.oneof(
  { weight: 2, arbitrary: fc.constant(200) },
  fc.constantFrom(200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403),
  // 205 and 421 are there on purpose: fetch drops a 205's body, and Node 20's undici replays a 421
  // and ignores the abort signal while doing so
  fc.constantFrom(
    404,
    405,
    408,
    409,
    410,
    418,
    421,
    422,
    429,
    451,
    500,
    501,
    502,
    503,
    504,
    205,
    599,
  ),
  fc.integer({ min: 200, max: 599 }),
);

const headers = fc
  .record(
    {
      "x-request-id": fc.oneof(
        fc.string({ maxLength: 10, unit: "grapheme-ascii" }),
        fc.constant(API_KEY),
      ),
      "retry-after": fc.constantFrom(
        "0",
        "1",
        "-1",
        "abc",
        "1e400",
        "99999999999",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "",
      ),
      "retry-after-ms": fc.constantFrom("0", "5", "-3", "NaN", "Infinity", "1e9"),
      location: fc.constantFrom(
        "/v3/avatars/elsewhere",
        "/",
        "",
        "http://127.0.0.1:9/",
        `http://${API_KEY}.example/`,
        `/v3/avatars/${API_KEY}`,
        "http://[::1",
        "javascript:alert(1)",
      ),
      "set-cookie": fc.constant(`session=${API_KEY}`),
      "www-authenticate": fc.constant(`Bearer realm="${API_KEY}"`),
    },
    { requiredKeys: [] },
  )
  .map((h) => {
    // header values must be valid on the wire
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (/^[\t\x20-\x7e]*$/.test(v)) out[k] = v;
    return out;
  });

const planArb: fc.Arbitrary<Plan> = fc.record({
  status,
  contentType: fc.constantFrom(
    undefined,
    "application/json",
    "application/json; charset=utf-8",
    "text/html",
    "text/plain",
    "application/octet-stream",
    "application/problem+json",
  ),
  body,
  truncate: fc.oneof(
    { weight: 7, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
  headers: fc.oneof(fc.constant({}), headers),
});

// ---- what the user calls ----

type Op =
  | "get"
  | "list"
  | "iterate"
  | "listLooks"
  | "getLook"
  | "addLooks"
  | "wait"
  | "raw"
  | "withResponse";
const ops: Op[] = [
  "get",
  "list",
  "iterate",
  "listLooks",
  "getLook",
  "addLooks",
  "wait",
  "raw",
  "withResponse",
];

async function call(op: Op): Promise<unknown> {
  switch (op) {
    case "get":
      return client.avatarGroups.get("g1");
    case "list":
      return client.avatarGroups.list({ limit: 5 });
    case "iterate": {
      const items: unknown[] = [];
      for await (const g of client.avatarGroups.list({ limit: 5 })) {
        items.push(g);
        if (items.length > 100) throw new Error("iteration did not end");
      }
      return items;
    }
    case "listLooks":
      return client.avatarGroups.listLooks("g1");
    case "getLook":
      return client.photoAvatars.get("l1");
    case "addLooks":
      return client.photoAvatars.addLooks({ group_id: "g1", image_keys: ["k1"], name: "n" });
    case "wait":
      return client.photoAvatars.waitUntilReady("l1", { intervalMs: 1, timeoutMs: 15 });
    case "withResponse":
      return client.avatarGroups.get("g1").withResponse();
    case "raw":
      return client.raw.v3.GET("/v3/avatars/{group_id}", { params: { path: { group_id: "g1" } } });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The shape each method promises, checked at the level the client itself guarantees. */
function promisedShape(op: Op, value: unknown): boolean {
  switch (op) {
    case "list":
      return (
        isObject(value) &&
        Array.isArray(value.data) &&
        typeof value.has_more === "boolean" &&
        typeof value.nextPage === "function"
      );
    case "iterate":
      return Array.isArray(value);
    case "addLooks":
      return isObject(value) && Array.isArray(value.photo_avatar_list);
    case "wait":
      return isObject(value) && value.status === "completed";
    case "withResponse":
      return (
        isObject(value) &&
        isObject(value.data) &&
        !Array.isArray(value.data) &&
        value.response instanceof Response &&
        (value.requestId === undefined || typeof value.requestId === "string")
      );
    case "raw":
      return (
        isObject(value) &&
        value.response instanceof Response &&
        ("data" in value || "error" in value)
      );
    default:
      // get, listLooks, getLook: the body's `data`, an object (never a primitive or an array)
      return isObject(value) && !Array.isArray(value);
  }
}

/** For the single-resource methods: what the server sent as `data`, which a resolved call must equal. */
function sentData(p: Plan): unknown {
  try {
    return (JSON.parse(bodyText(p)) as { data?: unknown }).data;
  } catch {
    return undefined;
  }
}

const bodyText = (p: Plan) =>
  typeof p.body === "string" ? p.body : Buffer.from(p.body).toString("latin1");

/** Whether the server put the key into what the user asked for (the `data` of a 2xx). */
function echoedIntoData(p: Plan): boolean {
  try {
    const parsed = JSON.parse(bodyText(p)) as { data?: unknown };
    return JSON.stringify(parsed?.data ?? null).includes(API_KEY);
  } catch {
    return false;
  }
}

async function check(op: Op, p: Plan, via: "apiKey" | "accessToken" = "apiKey"): Promise<void> {
  plan = p;
  client = via === "apiKey" ? keyClient : tokenClient;
  figures.cases++;
  if (bodyText(p).includes(API_KEY) || Object.values(p.headers).some((v) => v.includes(API_KEY))) {
    figures.keyEchoes++;
  }
  const linesBefore = logLines.length;
  let value: unknown;
  let error: unknown;
  let settled = false;
  try {
    value = await call(op);
    settled = true;
  } catch (e) {
    error = e;
  }
  const problems: string[] = [];
  if (settled) {
    // data is the server's: it reaches the caller as sent, even when it echoes the key
    if (
      (op === "get" || op === "listLooks" || op === "getLook") &&
      JSON.stringify(value) !== JSON.stringify(sentData(p))
    ) {
      problems.push(`resolved to something other than the data sent: ${JSON.stringify(value)}`);
    }
    if (!promisedShape(op, value))
      problems.push(`resolved to a value of the wrong shape: ${JSON.stringify(value)}`);
    if (op === "raw" || op === "withResponse") {
      // the response is the server's answer, handed over unaltered: its headers and request id
      // are exactly what the server sent, the key included when the server echoed it
      const v = isObject(value) ? value : {};
      const r = v.response instanceof Response ? v.response : undefined;
      // HTTP drops the spaces around a header value
      const sentId = p.headers["x-request-id"]?.trim() ?? null;
      if (r && r.headers.get("x-request-id") !== sentId) {
        problems.push("the response's x-request-id is not the one the server sent");
      }
      if (op === "withResponse" && (v.requestId ?? null) !== sentId) {
        problems.push("requestId is not the x-request-id the server sent");
      }
    } else if (JSON.stringify(value ?? null).includes(API_KEY) && !echoedIntoData(p)) {
      problems.push("resolved value holds the key although the server put it outside data");
    }
  } else {
    if (!(error instanceof HeyGenError)) {
      problems.push(`rejected with a non-HeyGenError: ${String(error)}`);
    }
    const leaks = secretLeaks(error, API_KEY);
    if (leaks.length) problems.push(`the key leaked: ${leaks.slice(0, 3).join(" | ")}`);
  }
  const loggedKey = logLines.slice(linesBefore).filter((l) => l.includes(API_KEY));
  if (loggedKey.length)
    problems.push(`a log line or hook payload holds the key: ${loggedKey[0]?.slice(0, 300)}`);
  figures.logLines += logLines.length - linesBefore;
  if (problems.length) {
    figures.failures++;
    throw new Error(`${op}: ${problems.join("; ")}`);
  }
  if (settled) figures.resolved++;
  else {
    const name = (error as Error).constructor.name;
    figures.rejected[name] = (figures.rejected[name] ?? 0) + 1;
  }
}

/** Answers that put the key everywhere a server could echo it, except `data`. */
const echoPlan: fc.Arbitrary<Plan> = fc.record({
  status: fc.constantFrom(200, 301, 302, 307, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503),
  contentType: fc.constantFrom("application/json", "text/html", "text/plain", undefined),
  body: fc.constantFrom(
    API_KEY,
    `<html><body>Unauthorized: ${API_KEY}</body></html>`,
    JSON.stringify({ error: `invalid key ${API_KEY}` }),
    JSON.stringify({
      error: { code: "unauthorized", message: `key ${API_KEY}`, param: API_KEY, doc_url: API_KEY },
    }),
    JSON.stringify({ data: null, error: { code: API_KEY, message: API_KEY } }),
    JSON.stringify({ message: `x-api-key: ${API_KEY}`, error: [API_KEY, { key: API_KEY }] }),
    JSON.stringify({ error: { message: { nested: API_KEY } } }),
    `{"error":"${API_KEY}`,
    `{"error":"${escapedKey} is not a valid key"}`,
    `{"error":{"message":"bad key ${escapedKey}"}}`,
    `{"data":null,"error":{"code":"${escapedKey}","message":"${escapedKey}"}}`,
    `<html>${escapedKey}</html>`,
  ),
  truncate: fc.boolean(),
  headers: fc.record({
    "x-request-id": fc.constantFrom(API_KEY, `req-${API_KEY}`, "req-1"),
    "retry-after": fc.constantFrom("0", API_KEY),
    location: fc.constantFrom(
      `/v3/avatars/${API_KEY}`,
      `http://${API_KEY}.example/`,
      `http://127.0.0.1:9/?k=${API_KEY}`,
    ),
    "set-cookie": fc.constant(`session=${API_KEY}`),
    "x-echo": fc.constant(API_KEY),
  }),
});

describe("hostile-response fuzz", () => {
  test(`${RUNS} random answers across every method: typed data or a HeyGenError, never the key`, async () => {
    const before = figures.failures;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), planArb, (op, p) => check(op, p)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(figures.failures - before).toBe(0);
    expect(figures.cases).toBeGreaterThanOrEqual(RUNS);
  });

  test(`${ECHO_RUNS} answers echoing the key (sent as x-api-key or bearer token) in body, headers and redirects: it never reaches an error`, async () => {
    const before = { cases: figures.cases, failures: figures.failures };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        echoPlan,
        fc.constantFrom("apiKey", "accessToken" as const),
        (op, p, via) => check(op, p, via),
      ),
      { seed: SEED + 1, numRuns: ECHO_RUNS, endOnFailure: true },
    );
    expect(figures.cases - before.cases).toBe(ECHO_RUNS);
    expect(figures.failures - before.failures).toBe(0);
  });
});

describe("hostile answers the fuzz once caught the client out on (regressions)", () => {
  test.each([
    "5",
    '"x"',
    "true",
    "[]",
    "[1,2]",
  ])("a 2xx whose data is %s is an InvalidResponseError for every single-resource method", async (data) => {
    for (const op of ["get", "listLooks", "getLook"] as const) {
      const p: Plan = {
        status: 200,
        contentType: "application/json",
        body: `{"data":${data}}`,
        truncate: false,
        headers: {},
      };
      plan = p;
      figures.cases++;
      const error = await call(op).catch((e: unknown) => e);
      expect(error, op).toBeInstanceOf(HeyGenError);
      expect((error as Error).name, op).toBe("InvalidResponseError");
      figures.rejected.InvalidResponseError = (figures.rejected.InvalidResponseError ?? 0) + 1;
    }
  });

  test("a 205 that announced a body, through the raw client, settles without a SyntaxError", async () => {
    plan = {
      status: 205,
      contentType: "application/json",
      body: '{"data":{}}',
      truncate: false,
      headers: {},
    };
    figures.cases++;
    const outcome = await call("raw").then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if ("error" in outcome) expect(outcome.error).toBeInstanceOf(HeyGenError);
    else expect(promisedShape("raw", outcome.value)).toBe(true);
    if ("error" in outcome)
      figures.rejected[(outcome.error as Error).name] =
        (figures.rejected[(outcome.error as Error).name] ?? 0) + 1;
    else figures.resolved++;
  });
});

describe("keys of any shape, echoed with any JSON escape", () => {
  test('200 random visible-ASCII keys, echoed with random JSON escapes (\\uXXXX, \\/, \\", \\\\), never reach the error', async () => {
    let body = "";
    const echo = await startRawServer((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(body);
    });
    const escapeChar = (c: string, how: number) => {
      const hex = c.charCodeAt(0).toString(16).padStart(4, "0");
      if (how === 1) return `\\u${hex}`;
      if (how === 2) return `\\u${hex.toUpperCase()}`;
      if (c === "/" && how === 3) return "\\/"; // PHP's json_encode escapes every slash
      if (c === '"' || c === "\\") return `\\${c}`; // must be escaped to stay JSON
      return c;
    };
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.string({
            unit: fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n)),
            minLength: 12,
            maxLength: 40,
          }),
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
          async (key, hows) => {
            figures.cases++;
            figures.keyEchoes++;
            body = `{"error":{"message":"key ${[...key].map((c, i) => escapeChar(c, hows[i] ?? 0)).join("")}"}}`;
            const c = createHeyGenClient({ apiKey: key, baseUrl: echo.url, maxRetries: 0 });
            const error = await c.avatarGroups.get("g1").catch((e: unknown) => e);
            expect(error).toBeInstanceOf(HeyGenError);
            expect(secretLeaks(error, key)).toEqual([]);
            figures.rejected[(error as Error).name] =
              (figures.rejected[(error as Error).name] ?? 0) + 1;
          },
        ),
        { seed: SEED + 2, numRuns: 200 },
      );
    } catch (e) {
      figures.failures++;
      throw e;
    } finally {
      await echo.close();
    }
  });
});
