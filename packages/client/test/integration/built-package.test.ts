import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as source from "../../src/index.js";
import { KEY } from "../support/client.js";
import { useFake } from "../support/fake.js";

// The files users install, not the sources: a build that emits a broken entry (a lost export, the
// CJS interop of openapi-fetch's default export, the version define) fails here. `pnpm test`
// builds the package first (packages/client/turbo.json); run `build` before a filtered test run.
const dist = new URL("../../dist/", import.meta.url);
const { version } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
);

type Entry = typeof source;
const load: Record<string, () => Promise<Entry>> = {
  "ESM dist/index.js": () => import(new URL("index.js", dist).href),
  "CJS dist/index.cjs": async () =>
    createRequire(import.meta.url)(new URL("index.cjs", dist).pathname),
};

const t = useFake();

describe.each(Object.keys(load))("the built package, %s", (entry) => {
  it("exports what the sources export and calls the fake through resources and raw clients", async () => {
    for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
      if (!existsSync(new URL(file, dist))) {
        throw new Error(`dist/${file} is missing: run pnpm --filter @heygen-openapi/client build`);
      }
    }
    const built = await load[entry]!();
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
    expect(built.VERSION).toBe(version);

    const heygen = built.createHeyGenClient({ apiKey: KEY, baseUrl: t.fake.url, maxRetries: 0 });
    expect((await heygen.avatarGroups.get("ag_abc123")).id).toBe("ag_abc123");
    const raw = await heygen.raw.v3.GET("/v3/avatars", { params: { query: { limit: 1 } } });
    expect(raw.data?.data).toHaveLength(1);
    const e = await heygen.photoAvatars.get("missing").catch((x) => x);
    expect(e).toBeInstanceOf(built.NotFoundError);
    expect(e).toBeInstanceOf(built.HeyGenError);
    expect(e.name).toBe("NotFoundError");
    expect(t.fake.requests.map((r) => r.headers["user-agent"])).toEqual(
      Array(3).fill(`heygen-openapi-client/${version}`),
    );
  });
});
