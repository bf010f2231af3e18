import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeHeyGen, type FakeHeyGen } from "../src/index.js";
import { AUTH, type Call, KEY, open, post, TRANSPORTS } from "./transports.js";

describe.each(TRANSPORTS)("request log and unmatched routes over $name", (transport) => {
  let fake: FakeHeyGen;
  let call: Call;
  afterEach(async () => {
    await fake.close();
  });
  const start = async () => {
    ({ fake, call } = await open(transport, { apiKey: "sk-very-secret-key" }));
  };

  it("records method, path, query, headers with credentials redacted, and the parsed body", async () => {
    await start();
    await call("/v3/avatars?limit=2&ownership=public", {
      headers: { "x-api-key": "sk-very-secret-key", "x-trace": "t1" },
    });
    await call("/v3/avatars", { headers: { authorization: "Bearer sk-very-secret-key" } });
    const group = fake.state.groups({ ownership: "private" })[0]!;
    await call("/v2/photo_avatar/avatar_group/add", {
      method: "POST",
      headers: { "x-api-key": "sk-very-secret-key", "content-type": "application/json" },
      body: JSON.stringify({ group_id: group.id, image_keys: ["k"], name: "N" }),
    });
    const [list, bearer, add] = fake.requests;
    expect(list).toMatchObject({
      seq: 1,
      transport: transport.name,
      method: "GET",
      path: "/v3/avatars",
      query: { limit: "2", ownership: "public" },
      operationId: "listAvatarGroups",
      unmatched: false,
      status: 200,
      fault: null,
    });
    expect(list!.headers["x-api-key"]).toBe("[redacted]");
    expect(list!.headers["x-trace"]).toBe("t1");
    expect(bearer!.headers.authorization).toBe("[redacted]");
    expect(add).toMatchObject({
      method: "POST",
      body: { group_id: group.id, image_keys: ["k"], name: "N" },
      operationId: "add-looks-to-photo-avatar-group",
    });
    expect(JSON.stringify(fake.requests)).not.toContain("sk-very-secret-key");
  });

  it("answers an unknown route with a 404 naming the request, and records it", async () => {
    await start();
    const response = await call("/v3/holograms?x=1", { headers: AUTH });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("route_not_found");
    expect(body.error.message).toContain("GET /v3/holograms");
    expect(fake.unmatched).toHaveLength(1);
    expect(fake.unmatched[0]).toMatchObject({
      method: "GET",
      path: "/v3/holograms",
      unmatched: true,
    });
    expect(() => fake.assertNoUnmatched()).toThrow(
      /1 request\(s\) matching no operation: GET \/v3\/holograms/,
    );
  });

  it("answers a known path with the wrong method with 405 and Allow, in the generation's shape", async () => {
    await start();
    const response = await post(call, "/v2/photo_avatar/abc", {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    const body = (await response.json()) as { error: { message: string }; data: null };
    expect(body.data).toBeNull();
    expect(body.error.message).toContain("POST /v2/photo_avatar/abc");
    expect(fake.unmatched).toHaveLength(1);
  });

  it("resets state, requests and faults", async () => {
    await start();
    const before = fake.state.groups();
    fake.state.addGroup({ name: "Extra" });
    fake.inject({ status: 500, times: 3 });
    await call("/v3/avatars", { headers: { "x-api-key": "sk-very-secret-key" } });
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect(fake.state.groups()).toEqual(before);
    expect(
      (await call("/v3/avatars", { headers: { "x-api-key": "sk-very-secret-key" } })).status,
    ).toBe(200);
  });

  it("never puts the key in an error body", async () => {
    await start();
    const response = await call("/v3/avatars", { headers: { "x-api-key": `${KEY}-wrong` } });
    expect(await response.text()).not.toContain(KEY);
  });
});

describe("fake.fetch inputs", () => {
  it("takes a relative path, an absolute URL on any host, a URL object or a Request", async () => {
    const fake = await createFakeHeyGen({ apiKey: KEY });
    try {
      const inputs: (string | URL | Request)[] = [
        "/v3/avatars/ag_abc123",
        "https://example.invalid/v3/avatars/ag_abc123",
        new URL("https://api.heygen.com/v3/avatars/ag_abc123"),
        new Request("https://api.heygen.com/v3/avatars/ag_abc123", { headers: AUTH }),
      ];
      for (const input of inputs) {
        const response = await fake.fetch(
          input,
          input instanceof Request ? undefined : { headers: AUTH },
        );
        expect(response.status).toBe(200);
      }
      expect(fake.requests.map((r) => r.path)).toEqual(Array(4).fill("/v3/avatars/ag_abc123"));
    } finally {
      await fake.close();
    }
  });
});

describe("request bodies over HTTP", () => {
  it("reads a chunked body (no content-length) as the operation's input", async () => {
    const fake = await createFakeHeyGen({ apiKey: KEY });
    try {
      await fake.listen();
      const group = fake.state.groups({ ownership: "private" })[0]!;
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${fake.url}/v2/photo_avatar/avatar_group/add`, {
          method: "POST",
          headers: { "x-api-key": KEY, "content-type": "application/json" },
        });
        req.on("response", (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        const text = JSON.stringify({ group_id: group.id, image_keys: ["k"], name: "N" });
        req.write(text.slice(0, 10));
        req.end(text.slice(10));
      });
      expect(status).toBe(200);
      expect(fake.requests.at(-1)).toMatchObject({
        method: "POST",
        headers: { "transfer-encoding": "chunked" },
        body: { group_id: group.id, image_keys: ["k"], name: "N" },
      });
    } finally {
      await fake.close();
    }
  });
});
