import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFakeHeyGen } from "./fake.js";

describe("fake.state", () => {
  it("derives looks_count from the stored looks and refuses to set it", async () => {
    const fake = await createFakeHeyGen();
    const group = fake.state.addGroup({ ownership: "private" });
    expect(group.looks_count).toBe(0);
    fake.state.addLook(group.id);
    fake.state.addLook(group.id, { status: "pending" });
    expect(fake.state.group(group.id)?.looks_count).toBe(2);
    expect(() => fake.state.updateGroup(group.id, { looks_count: 9 } as never)).toThrow(
      /looks_count is derived/,
    );
    await fake.close();
  });

  it("checks writes against the schema and names the bad field", async () => {
    const fake = await createFakeHeyGen();
    const group = fake.state.groups()[0]!;
    expect(() => fake.state.updateGroup(group.id, { status: "training" as never })).toThrow(
      /not a valid AvatarGroupItem: \/status/,
    );
    expect(() => fake.state.updateGroup(group.id, { created_at: "yesterday" as never })).toThrow(
      /\/created_at must be integer/,
    );
    const look = fake.state.looks(group.id)[0]!;
    expect(() => fake.state.updateLook(look.id, { is_motion: "yes" as never })).toThrow(
      /not a valid PhotoAvatarLook: \/is_motion/,
    );
    expect(() => fake.state.updateLook(look.id, { group_id: "nowhere" })).toThrow(
      /no avatar group with id "nowhere"/,
    );
    expect(() => fake.state.addLook("nowhere")).toThrow(/no avatar group with id "nowhere"/);
    expect(() => fake.state.settleLook("nowhere", "failed")).toThrow(/no look with id "nowhere"/);
    expect(() => fake.state.addGroup({ id: group.id })).toThrow(/already exists/);
    // Failed writes change nothing.
    expect(fake.state.group(group.id)).toEqual(group);
    await fake.close();
  });

  it("returns copies: mutating a read does not change the fake", async () => {
    const fake = await createFakeHeyGen();
    const group = fake.state.groups()[0]!;
    group.name = "Changed";
    expect(fake.state.group(group.id)?.name).not.toBe("Changed");
    const look = fake.state.looks()[0]!;
    const status = look.status;
    look.status = "failed";
    expect(fake.state.look(look.id)?.status).toBe(status);
    await fake.close();
  });

  it("moves groups between ownerships, removes groups with their looks, and starts empty on request", async () => {
    const fake = await createFakeHeyGen({ groups: { public: 1, private: 2 } });
    expect(fake.state.groups({ ownership: "public" })).toHaveLength(1);
    const own = fake.state.groups({ ownership: "private" })[0]!;
    fake.state.updateGroup(own.id, { ownership: "public", name: "Published" });
    expect(fake.state.groups({ ownership: "public" }).map((g) => g.name)).toContain("Published");
    expect(fake.state.removeGroup(own.id)).toBe(true);
    expect(fake.state.removeGroup(own.id)).toBe(false);
    expect(fake.state.looks(own.id)).toEqual([]);
    const empty = await createFakeHeyGen({ groups: "empty" });
    expect(empty.state.groups()).toEqual([]);
    await Promise.all([fake.close(), empty.close()]);
  });
});

describe("msw stays optional", () => {
  it("is imported at runtime only by msw-handlers.ts, and there lazily", () => {
    const dir = import.meta.dirname;
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    )) {
      const source = readFileSync(join(dir, file), "utf8");
      const runtimeImports = source.match(/^import (?!type )[^;]*from "msw[^"]*";/gm) ?? [];
      expect(runtimeImports, file).toEqual([]);
    }
    const handlers = readFileSync(join(dir, "msw-handlers.ts"), "utf8");
    expect(handlers).toMatch(/require\("msw"\)/);
  });
});
