// Data the server returns reaches the caller as sent, whatever the key; only what the client
// itself writes (error messages and fields, hook payloads, log lines) is scrubbed of it.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createHeyGenClient, NotFoundError } from "../src/index.js";
import { json, startServer, type TestServer } from "./support/server.js";

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const clientWith = (apiKey: string, lines: string[] = []) =>
  createHeyGenClient({
    apiKey,
    baseUrl: (s as TestServer).url,
    maxRetries: 0,
    logger: { debug: (m, d) => lines.push(m + inspect(d, { depth: 9 })) },
    onResponse: (i) => lines.push(JSON.stringify(i)),
  });

describe.each([
  ["a short key", "Anna"],
  ["a one-letter key", "k"],
  ["a long key", `hg_live_${"Ab9".repeat(30)}`],
])("with %s", (_, key) => {
  it("a group, a list and its cursors come back exactly as sent", async () => {
    const group = { id: `g_${key}`, name: key, created_at: 1_700_000_000, looks_count: 2 };
    const pages: Record<string, object> = {
      "": { data: [group], has_more: true, next_token: `tok_${key}_1` },
      [`tok_${key}_1`]: { data: [{ ...group, id: "g2" }], has_more: true, next_token: `${key}2` },
      [`${key}2`]: { data: [{ ...group, id: "g3" }], has_more: false, next_token: null },
    };
    s = await startServer((req, res) => {
      const url = new URL(req.url, "http://x");
      if (url.pathname === "/v3/avatars") {
        return json(res, 200, pages[url.searchParams.get("token") ?? ""], {
          "x-request-id": `req_${key}`,
        });
      }
      json(res, 200, { data: group }, { "x-request-id": `req_${key}` });
    });
    const lines: string[] = [];
    const heygen = clientWith(key, lines);
    expect(await heygen.avatarGroups.get("g")).toEqual(group);
    const { data, requestId, response } = await heygen.avatarGroups.get("g").withResponse();
    expect([data, requestId, response.headers.get("x-request-id")]).toEqual([
      group,
      `req_${key}`,
      `req_${key}`,
    ]);
    const all = [];
    for await (const g of heygen.avatarGroups.list()) all.push(g);
    expect(all.map((g) => [g.id, g.name])).toEqual([
      [`g_${key}`, key],
      ["g2", key],
      ["g3", key],
    ]);
    const raw = await heygen.raw.v3.GET("/v3/avatars/{group_id}", {
      params: { path: { group_id: "g" } },
    });
    expect(raw.data).toEqual({ data: group });
    // what the client wrote about these calls never holds the key (a one-letter key is in any
    // text, header names included, so for it the check is that its echoes were replaced)
    expect(lines.length).toBeGreaterThan(0);
    if (key.length > 1) {
      for (const l of lines) expect(l.replaceAll("[redacted]", "")).not.toContain(key);
    }
    expect(lines.join("\n")).toContain("req_[redacted]");
  });

  it("an error the client builds is scrubbed, in message, body and headers", async () => {
    s = await startServer((_req, res) =>
      json(
        res,
        404,
        { error: { code: "not_found", message: `no group named ${key}` } },
        { "x-request-id": `req_${key}` },
      ),
    );
    const e = await clientWith(key)
      .avatarGroups.get("g")
      .catch((x) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    // (stack frames hold file paths, in which a one-letter key is bound to appear)
    const shown = [e.message, JSON.stringify(e)];
    if (key.length > 1) shown.push(String(e.stack), inspect(e, { depth: 9 }));
    for (const t of shown) expect(t.replaceAll("[redacted]", "")).not.toContain(key);
    expect(e.body).toEqual({ error: { code: "not_found", message: "no group named [redacted]" } });
    expect(e.requestId).toBe("req_[redacted]");
  });
});
