// The README's resource table stays true: it names every supported operation of the registry,
// and every method it names exists on the client.
import { readFileSync } from "node:fs";
import { operations } from "@heygen-openapi/types";
import { describe, expect, it } from "vitest";
import { createHeyGenClient } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const table = readme.slice(readme.indexOf("## Resources"), readme.indexOf("### Only what you use"));

describe("README", () => {
  it("lists every supported operation of the registry in its resource table", () => {
    const missing = Object.values(operations)
      .filter((op) => !op.deprecated)
      .map((op) => op.key)
      .filter((key) => !table.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });

  it("names only methods the client has", () => {
    const heygen = createHeyGenClient({ apiKey: "k" });
    const names = [...table.matchAll(/^\| `([\w.]+)\(/gm)].map((m) => m[1] as string);
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const fn = name
        .split(".")
        .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], heygen);
      expect(typeof fn, name).toBe("function");
    }
  });
});
