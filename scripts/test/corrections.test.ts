import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SpecInputError } from "@heygen-openapi/spec-tools";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { bundleApi } from "../src/bundle.mjs";
import { specsDir } from "../src/manifest.mjs";
import { applyCorrections, StrandedCorrectionsError } from "../src/overlay.mjs";
import { copyCheckout } from "./support.mjs";

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

describe.each(["v2", "v3"] as const)("%s corrections overlay", (api) => {
  test("every action has a reason and finds its target", async () => {
    const overlay = parse(await readFile(join(specsDir, api, "corrections.overlay.yaml"), "utf8"));
    expect(overlay.actions.length).toBeGreaterThan(0);
    for (const action of overlay.actions) expect(action.description.length).toBeGreaterThan(20);
    // bundleApi applies the overlay and throws on any action that matched nothing.
    await expect(bundleApi(api)).resolves.toHaveProperty("document.openapi", "3.1.0");
  });
});

describe("a correction whose target vanished upstream", () => {
  test("fails loudly, naming the action", async () => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    const file = join(copy.root, "specs/v2/upstream/list-all-avatars-in-one-avatar-group.json");
    const doc = JSON.parse(await readFile(file, "utf8"));
    // Upstream renames the path: the corrections aimed at the old one no longer apply.
    doc.paths["/v2/avatar_group/{group_id}/looks"] =
      doc.paths["/v2/avatar_group/{group_id}/avatars"];
    delete doc.paths["/v2/avatar_group/{group_id}/avatars"];
    await writeFile(file, JSON.stringify(doc, null, 2));
    const error = await bundleApi("v2", { dir: join(copy.root, "specs") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrandedCorrectionsError);
    expect(error).toBeInstanceOf(SpecInputError); // so the CLIs exit 2
    expect((error as StrandedCorrectionsError).actions).toHaveLength(3);
    expect(String((error as Error).message)).toMatch(
      /corrections\.overlay\.yaml: 3 correction\(s\) no longer find their target/,
    );
    expect(String((error as Error).message)).toContain(
      "$.paths['/v2/avatar_group/{group_id}/avatars']",
    );
  });

  test("an action without a reason is refused", async () => {
    const overlay = {
      overlay: "1.0.0",
      info: { title: "t", version: "1" },
      actions: [{ target: "$.info", update: { x: 1 } }],
    };
    await expect(
      applyCorrections({ openapi: "3.1.0", info: {} }, overlay, "o.yaml"),
    ).rejects.toThrow(/o\.yaml.*action #1 \(\$\.info\) has no description/);
  });

  test("a document that is not Overlay 1.0 is refused", async () => {
    await expect(applyCorrections({}, { overlay: "2.0.0", actions: [] }, "o.yaml")).rejects.toThrow(
      /Overlay 1\.0/,
    );
  });
});
