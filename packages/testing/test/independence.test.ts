import { describe, expect, it } from "vitest";
import { createFakeHeyGen } from "../src/index.js";

describe("two fakes in one process", () => {
  it("keep their own keys, state, faults and request logs, over HTTP and fetch at once", async () => {
    const a = await createFakeHeyGen({ apiKey: "key-a", seed: 1 });
    const b = await createFakeHeyGen({ apiKey: "key-b", seed: 1 });
    try {
      const urlA = await a.listen();
      const urlB = await b.listen();
      expect(urlA).not.toBe(urlB);
      expect(a.state.groups()).toEqual(b.state.groups());

      const extra = a.state.addGroup({ name: "Only in A", ownership: "private" });
      b.inject({ status: 503, times: 1 });

      const fromA = await fetch(`${urlA}/v3/avatars/${extra.id}`, {
        headers: { "x-api-key": "key-a" },
      });
      expect(fromA.status).toBe(200);
      const fromB = await b.fetch(`/v3/avatars/${extra.id}`, { headers: { "x-api-key": "key-b" } });
      expect(fromB.status).toBe(503);
      const again = await fetch(`${urlB}/v3/avatars/${extra.id}`, {
        headers: { "x-api-key": "key-b" },
      });
      expect(again.status).toBe(404);
      expect((await a.fetch("/v3/avatars", { headers: { "x-api-key": "key-b" } })).status).toBe(
        401,
      );

      expect(a.requests.map((r) => r.transport)).toEqual(["http", "fetch"]);
      expect(b.requests.map((r) => r.transport)).toEqual(["fetch", "http"]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("build the same state for the same seed and different state for another", async () => {
    const one = await createFakeHeyGen({ seed: 1 });
    const same = await createFakeHeyGen({ seed: 1 });
    const other = await createFakeHeyGen({ seed: 2 });
    expect(same.state.groups()).toEqual(one.state.groups());
    expect(same.state.looks()).toEqual(one.state.looks());
    expect(other.state.groups().map((g) => g.id)).not.toEqual(one.state.groups().map((g) => g.id));
    // The spec examples are part of every seed.
    for (const fake of [one, other]) {
      expect(fake.state.group("ag_abc123")?.name).toBe("Anna");
      expect(fake.state.look("0d9ub062cf7d4d908622c9b3c85c8659")?.name).toBe("Claire");
    }
    await Promise.all([one.close(), same.close(), other.close()]);
  });

  it("rejects bad options and refuses to listen after close", async () => {
    await expect(createFakeHeyGen({ apiKey: "" })).rejects.toThrow(
      /apiKey must be a non-empty string/,
    );
    await expect(createFakeHeyGen({ seed: 1.5 })).rejects.toThrow(/seed must be an integer/);
    await expect(createFakeHeyGen({ latencyMs: -1 })).rejects.toThrow(
      /latencyMs must be a number >= 0/,
    );
    const fake = await createFakeHeyGen();
    expect(() => fake.url).toThrow(/call `await fake.listen\(\)` first/);
    await fake.close();
    await fake.close();
    expect(() => fake.url).toThrow("fake.url: this fake is closed; create a new one");
    await expect(fake.listen()).rejects.toThrow(/closed/);
    await expect(fake.fetch("/v3/avatars")).rejects.toThrow(/fetch failed/);
  });
});
