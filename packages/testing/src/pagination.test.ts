import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageAfter } from "./pagination.js";
import { createRandom } from "./random.js";
import { newestFirst } from "./state.js";

describe("cursor tokens", () => {
  it("round-trip and look like HeyGen's base64url JSON", () => {
    const token = encodeCursor({ lastId: "abc", lastCreatedAt: 17, ownership: "public" });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(token, "base64url").toString())).toMatchObject({
      last_id: "abc",
    });
    expect(decodeCursor(token)).toEqual({ lastId: "abc", lastCreatedAt: 17, ownership: "public" });
  });

  it.each([
    "",
    "a b",
    "e30",
    "bnVsbA",
    Buffer.from('{"last_id":"x","last_created_at":"1"}').toString("base64url"),
  ])("rejects %j", (token) => {
    expect(decodeCursor(token)).toBeUndefined();
  });
});

describe("keyset pages", () => {
  it("never repeat or skip a pre-existing item while items come and go between pages", () => {
    const random = createRandom(42, "test");
    for (let trial = 0; trial < 30; trial++) {
      let items = Array.from({ length: 5 + random.int(30) }, (_, i) => ({
        id: `g${String(i).padStart(3, "0")}`,
        created_at: 1000 + random.int(10),
      }));
      const original = [...items].sort(newestFirst);
      const removed = new Set<string>();
      const seen: string[] = [];
      let cursor: ReturnType<typeof decodeCursor>;
      const limit = 1 + random.int(6);
      for (;;) {
        const page = pageAfter([...items].sort(newestFirst), cursor, limit, null);
        seen.push(...page.items.map((g) => g.id));
        if (!page.nextToken) break;
        cursor = decodeCursor(page.nextToken);
        // Between pages: add one item and maybe remove one not yet seen.
        items.push({ id: `n${trial}-${seen.length}`, created_at: 1000 + random.int(10) });
        const unseen = items.filter((g) => !seen.includes(g.id));
        if (unseen.length > 0 && random.next() < 0.5) {
          const gone = unseen[random.int(unseen.length)]!.id;
          removed.add(gone);
          items = items.filter((g) => g.id !== gone);
        }
      }
      expect(new Set(seen).size).toBe(seen.length);
      const expected = original.map((g) => g.id).filter((id) => !removed.has(id));
      expect(seen.filter((id) => id.startsWith("g"))).toEqual(expected);
    }
  });
});
