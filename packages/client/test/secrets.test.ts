import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { createHeyGenClient, HeyGenError } from "../src/index.js";
import { clientFor, KEY } from "./support/client.js";
import { json, refusedUrl, startServer, type TestServer } from "./support/server.js";

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Every way an error may be shown: none may contain the key. */
function expectNoKey(e: unknown) {
  expect(e).toBeInstanceOf(HeyGenError);
  const err = e as Error;
  for (const shown of [
    err.message,
    String(err.stack),
    JSON.stringify(err),
    inspect(err, { depth: 10, showHidden: true }),
    String((err.cause as Error | undefined)?.stack),
  ]) {
    expect(shown).not.toContain(KEY);
  }
}

describe("the API key never leaks", () => {
  it("from errors whose body and headers echo the key", async () => {
    s = await startServer((req, res, n) => {
      const echo = `bad key ${req.headers["x-api-key"]}`;
      const statuses = [401, 200, 500, 404];
      const status = statuses[n % statuses.length]!;
      if (status === 200) {
        res.writeHead(200, { "content-type": "text/html", "x-echo": echo });
        return res.end(`<html>${echo}</html>`);
      }
      json(res, status, { error: { code: "c", message: echo, param: echo } }, { "x-echo": echo });
    });
    const heygen = clientFor(s, { maxRetries: 0 });
    for (let i = 0; i < 4; i++) {
      const e = await heygen.avatarGroups.get("g1").catch((x) => x);
      expectNoKey(e);
      expect(e.message).toContain("[redacted]");
    }
    const v2 = await heygen.photoAvatars.get("l").catch((x) => x);
    expectNoKey(v2);
  });

  it("from bodies that spell the key with JSON escapes", async () => {
    const escaped = `\\u${KEY.charCodeAt(0).toString(16).padStart(4, "0")}${KEY.slice(1)}`;
    s = await startServer((_, res, n) => {
      res.writeHead(n === 0 ? 422 : 200, { "content-type": "application/json" });
      res.end(`{"error":"${escaped} is not valid","data":null}`);
    });
    const heygen = clientFor(s, { maxRetries: 0 });
    const e = await heygen.photoAvatars.get("l").catch((x) => x);
    expectNoKey(e);
    expect(e.body).toEqual({ error: "[redacted] is not valid", data: null });
    // data the server sends is the caller's, unaltered: the raw client hands it over as parsed
    const raw = await heygen.raw.v2.GET("/v2/photo_avatar/{id}", { params: { path: { id: "l" } } });
    expect(raw.data).toEqual({ error: `${KEY} is not valid`, data: null });
  });

  it('from bodies that spell the key with any JSON escape (\\/, \\", \\\\, \\u)', async () => {
    let body = "";
    s = await startServer((_, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(body);
    });
    const url = s.url;
    /** What a 401 echoing the key as `echoed` shows, through a resource and a raw client. */
    const shown = async (apiKey: string, echoed: string) => {
      body = `{"error":{"code":"unauthorized","message":"invalid key ${echoed}"}}`;
      const heygen = createHeyGenClient({ apiKey, baseUrl: url, maxRetries: 0 });
      const e = await heygen.avatarGroups.get("g").catch((x) => x);
      expect(e).toBeInstanceOf(HeyGenError);
      const raw = await heygen.raw.v3.GET("/v3/avatars/{group_id}", {
        params: { path: { group_id: "g" } },
      });
      // the raw client's error is the server's body, handed over as it came
      expect(raw.error).toEqual(JSON.parse(body));
      return [e.message, String(e.stack), inspect(e), e.body.error.message];
    };
    // base64-style keys hold `/`, which PHP's json_encode and others echo as `\/` by default
    const b64 = "c2stcmVs/Zjk+YTFlNWIy==";
    for (const text of await shown(b64, b64.replace("/", "\\/"))) {
      expect(text).not.toContain(b64);
      expect(text).toContain("invalid key [redacted]");
    }
    // any visible-ASCII key, each character plain or in another spelling JSON allows for it
    const spell = (c: string, how: number) => {
      const hex = c.charCodeAt(0).toString(16).padStart(4, "0");
      if (how === 1) return `\\u${hex}`;
      if (how === 2) return c === "/" ? "\\/" : `\\u${hex.toUpperCase()}`;
      return c === '"' || c === "\\" ? `\\${c}` : c;
    };
    const visible = fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n));
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          fc.string({ unit: visible, minLength: 4, maxLength: 20 }),
          fc.constantFrom('"', "\\", "/"),
          fc.string({ unit: visible, maxLength: 20 }),
        ),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 41, maxLength: 41 }),
        async ([head, special, tail], hows) => {
          const key = head + special + tail;
          const echoed = [...key].map((c, i) => spell(c, hows[i] ?? 0)).join("");
          for (const text of await shown(key, echoed)) expect(text).not.toContain(key);
        },
      ),
      { seed: 8, numRuns: 100 },
    );
  });

  it("from response headers and status text in hooks, logs and errors; withResponse and raw get them as sent", async () => {
    s = await startServer((req, res) => {
      const headers = {
        "content-type": "application/json",
        "x-request-id": `req-${KEY}`,
        "x-echo": `${req.headers["x-api-key"]}`,
      };
      const status = req.url.includes("missing") ? 404 : req.url.includes("odd") ? 600 : 200;
      res.writeHead(status, `OK ${KEY}`, headers);
      res.end(status === 200 ? '{"data":{"id":"g1"}}' : '{"error":{"code":"c"}}');
    });
    const lines: string[] = [];
    const heygen = clientFor(s, {
      maxRetries: 0,
      logger: { debug: (m, d) => lines.push(m + inspect(d, { depth: 9 })) },
      onRequest: (i) => lines.push(JSON.stringify(i)),
      onResponse: (i) => lines.push(JSON.stringify(i)),
    });
    // the response is the server's answer: the caller gets it unaltered
    const { response, requestId } = await heygen.avatarGroups.get("g1").withResponse();
    expect(requestId).toBe(`req-${KEY}`);
    expect(response.headers.get("x-echo")).toBe(KEY);
    expect(response.statusText).toBe(`OK ${KEY}`);
    const raw = await heygen.raw.v3.GET("/v3/avatars/{group_id}", {
      params: { path: { group_id: "g1" } },
    });
    expect([raw.response.headers.get("x-request-id"), raw.response.statusText]).toEqual([
      `req-${KEY}`,
      `OK ${KEY}`,
    ]);
    for (const id of ["missing", "odd"]) {
      const e = await heygen.avatarGroups.get(id).catch((x) => x);
      expectNoKey(e);
      expect(e.requestId).toBe("req-[redacted]");
      expect(e.headers.get("x-echo")).toBe("[redacted]");
    }
    expect(lines.join("\n")).not.toContain(KEY);
    expect(lines.join("\n")).toContain('"requestId":"req-[redacted]"');
  });

  it("from connection, timeout, redirect, abort and validation errors", async () => {
    const dead = createHeyGenClient({ apiKey: KEY, baseUrl: await refusedUrl(), maxRetries: 0 });
    expectNoKey(await dead.avatarGroups.get("g").catch((x) => x));
    s = await startServer((req, res, n) => {
      if (n === 0) return; // hang until the client times out
      res.writeHead(302, { location: `http://localhost:1/${req.headers["x-api-key"]}` });
      res.end();
    });
    const heygen = clientFor(s, { maxRetries: 0, timeoutMs: 30 });
    expectNoKey(await heygen.avatarGroups.get("g").catch((x) => x));
    expectNoKey(await heygen.avatarGroups.get("g").catch((x) => x));
    expectNoKey(
      await heygen.avatarGroups.get("g", { signal: AbortSignal.abort() }).catch((x) => x),
    );
    expectNoKey(
      await heygen.photoAvatars
        .addLooks({ group_id: "g", image_keys: [], name: KEY })
        .catch((x) => x),
    );
  });

  it("from a custom fetch that throws with the key in its message", async () => {
    const heygen = createHeyGenClient({
      apiKey: KEY,
      maxRetries: 0,
      fetch: async (_url, init) => {
        throw new Error(`proxy refused ${new Headers(init.headers).get("x-api-key")}`);
      },
    });
    const e = await heygen.avatarGroups.get("g").catch((x) => x);
    expectNoKey(e);
    expect(e.message).toContain("proxy refused [redacted]");
  });

  it("for an access token: errors, hooks and logs show it redacted", async () => {
    const token = "oauth_TOKEN_value_42";
    s = await startServer((req, res) =>
      json(res, 401, { error: { code: "c", message: `bad ${req.headers.authorization}` } }),
    );
    const lines: string[] = [];
    const heygen = createHeyGenClient({
      accessToken: token,
      baseUrl: s.url,
      onRequest: (i) => lines.push(JSON.stringify(i)),
      onResponse: (i) => lines.push(JSON.stringify(i)),
      logger: { debug: (m, d) => lines.push(m + JSON.stringify(d)) },
    });
    const e = await heygen.avatarGroups.get("g").catch((x) => x);
    for (const shown of [
      e.message,
      String(e.stack),
      JSON.stringify(e),
      inspect(e, { depth: 10 }),
    ]) {
      expect(shown).not.toContain(token);
    }
    expect(e.message).toContain("bad Bearer [redacted]");
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.join("\n")).toContain('"authorization":"[redacted]"');
  });

  it("from the client object itself", () => {
    const heygen = createHeyGenClient({ apiKey: KEY, baseUrl: "https://api.example" });
    for (const shown of [
      inspect(heygen, { depth: 10, showHidden: true }),
      JSON.stringify(heygen),
    ]) {
      expect(shown).not.toContain(KEY);
      expect(shown).toContain("avatarGroups");
    }
    expect(inspect(heygen.raw.v2, { depth: 10, showHidden: true })).not.toContain(KEY);
  });
});
