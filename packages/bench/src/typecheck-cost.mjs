import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { packageFile, repoRoot } from "./paths.mjs";
import { median } from "./stats.mjs";

const run = promisify(execFile);
const CALLS = 50;
const EXTRA_OPERATIONS = 40;

/**
 * The five operations, as the client spells them and as bare openapi-fetch does.
 * @type {Array<{ client: (i: number) => string, bare: (i: number) => string }>}
 */
const OPS = [
  {
    client: (i) => `(await heygen.avatarGroups.get("g${i}")).looks_count`,
    bare: (i) =>
      `(await v3.GET("/v3/avatars/{group_id}", { params: { path: { group_id: "g${i}" } } })).data?.data.looks_count`,
  },
  {
    client: (i) =>
      `(await heygen.avatarGroups.list({ ownership: "public", limit: ${(i % 50) + 1} })).data.length`,
    bare: (i) =>
      `(await v3.GET("/v3/avatars", { params: { query: { ownership: "public", limit: ${(i % 50) + 1} } } })).data?.data.length`,
  },
  {
    client: (i) => `(await heygen.avatarGroups.listLooks("g${i}")).avatar_list.length`,
    bare: (i) =>
      `(await v2.GET("/v2/avatar_group/{group_id}/avatars", { params: { path: { group_id: "g${i}" } } })).data?.data.avatar_list.length`,
  },
  {
    client: (i) => `(await heygen.photoAvatars.get("l${i}")).created_at`,
    bare: (i) =>
      `(await v2.GET("/v2/photo_avatar/{id}", { params: { path: { id: "l${i}" } } })).data?.data.created_at`,
  },
  {
    client: (i) =>
      `(await heygen.photoAvatars.addLooks({ group_id: "g${i}", image_keys: ["k"], name: "n" }))`,
    bare: (i) =>
      `(await v2.POST("/v2/photo_avatar/avatar_group/add", { body: { group_id: "g${i}", image_keys: ["k"], name: "n" } })).data?.data.photo_avatar_list.length`,
  },
];

/** @param {"client" | "bare"} style */
function consumerFile(style) {
  const lines = [];
  if (style === "client") {
    lines.push(
      'import { createHeyGenClient } from "@heygen-openapi/client";',
      'const heygen = createHeyGenClient({ apiKey: "k" });',
    );
  } else {
    lines.push(
      'import createClient from "openapi-fetch";',
      'import type { paths as V2 } from "@heygen-openapi/types/v2";',
      'import type { paths as V3 } from "@heygen-openapi/types/v3";',
      'const v2 = createClient<V2>({ baseUrl: "https://api.heygen.com" });',
      'const v3 = createClient<V3>({ baseUrl: "https://api.heygen.com" });',
    );
  }
  lines.push(
    "export async function consume(): Promise<unknown[]> {",
    "  const out: unknown[] = [];",
  );
  for (let i = 0; i < CALLS; i += 1) {
    const op = /** @type {(typeof OPS)[number]} */ (OPS[i % OPS.length]);
    lines.push(`  out.push(${op[style](i)});`);
  }
  lines.push("  return out;", "}", "");
  return lines.join("\n");
}

/**
 * The bundled v3 spec plus `EXTRA_OPERATIONS` more operations, each with its own component,
 * turned into types: what the client's types would cost if HeyGen's spec grew.
 */
async function biggerV3Types() {
  const doc = JSON.parse(
    await readFile(packageFile("@heygen-openapi/types", "openapi/v3.json"), "utf8"),
  );
  for (let i = 0; i < EXTRA_OPERATIONS; i += 1) {
    doc.components.schemas[`Extra${i}`] = {
      type: "object",
      required: ["id", "items"],
      properties: {
        id: { type: "string" },
        kind: { type: "string", enum: ["a", "b", "c"] },
        items: { type: "array", items: { $ref: "#/components/schemas/AvatarGroupItem" } },
        note: { type: ["string", "null"] },
      },
    };
    doc.paths[`/v3/extra_${i}/{id}`] = {
      get: {
        operationId: `extra${i}`,
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer" } },
        ],
        responses: {
          200: {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { data: { $ref: `#/components/schemas/Extra${i}` } },
                },
              },
            },
          },
          404: {
            description: "missing",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { error: { $ref: "#/components/schemas/StandardAPIError" } },
                },
              },
            },
          },
        },
      },
    };
  }
  return astToString(
    await openapiTS(doc, { silent: true, emptyObjectsUnknown: true, defaultNonNullable: false }),
  );
}

/**
 * Type-checks `consumer.ts` in `dir` with `tsc --extendedDiagnostics`; fails on any error, TS2589
 * included. Also used by benchmark 10 (client-typecheck.mjs).
 * @param {string} dir
 * @param {Record<string, string[]>} [paths]
 * @param {boolean} [skipLibCheck]
 * @returns {Promise<{ checkTimeMs: number, instantiations: number, errors: string }>}
 */
export async function typecheck(dir, paths, skipLibCheck = true) {
  await writeFile(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        skipLibCheck,
        types: [],
        lib: ["ES2023", "DOM"],
        ...(paths ? { paths } : {}),
      },
      files: ["consumer.ts"],
      include: [],
    }),
  );
  const tsc = packageFile("typescript", "bin/tsc");
  const { stdout } = await run(process.execPath, [tsc, "-p", dir, "--extendedDiagnostics"]).catch(
    (e) => {
      throw new Error(`tsc failed on the ${dir} consumer: ${e.stdout || e.message}`);
    },
  );
  const number = (/** @type {string} */ label) =>
    Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(stdout)?.[1]);
  if (/TS2589/.test(stdout))
    throw new Error("TS2589 (type instantiation is excessively deep) in the consumer file");
  return {
    checkTimeMs: number("Check time") * 1000,
    instantiations: number("Instantiations"),
    errors: "",
  };
}

/**
 * Lays out a consumer project: the consumer file, plus a copy of the types package's sources
 * with the given v3 output, mapped over `@heygen-openapi/types*` so that the client's own
 * declarations resolve to it too.
 * @param {string} dir
 * @param {"client" | "bare"} style
 * @param {string} v3Types
 */
async function consumerProject(dir, style, v3Types) {
  await mkdir(join(dir, "types/generated"), { recursive: true });
  const src = join(repoRoot, "packages/types/src");
  // the registry and the schema aliases came with the operation registry (issue 10)
  for (const file of [
    "index.ts",
    "v2.ts",
    "v3.ts",
    "operation.ts",
    "generated/v2.ts",
    "generated/registry.ts",
    "generated/schemas.ts",
  ])
    await cp(join(src, file), join(dir, "types", file));
  await writeFile(join(dir, "types/generated/v3.ts"), v3Types);
  // In the bigger project, prove the mapping took: this line only compiles against the bigger types.
  const proof = v3Types.includes('"/v3/extra_0/{id}"')
    ? 'export type Proof = import("@heygen-openapi/types/v3").paths["/v3/extra_0/{id}"];\n'
    : "";
  await writeFile(join(dir, "consumer.ts"), consumerFile(style) + proof);
  return {
    "@heygen-openapi/types": ["./types/index.ts"],
    "@heygen-openapi/types/v2": ["./types/v2.ts"],
    "@heygen-openapi/types/v3": ["./types/v3.ts"],
  };
}

/**
 * Benchmark 7: `tsc --extendedDiagnostics` on a consumer file making 50 calls through the client
 * vs the same calls through bare openapi-fetch, and the client file again against types
 * generated from a spec with 40 more operations (its cost must not grow with the spec).
 * @param {{ rounds: number, workDir: string }} options
 */
export async function benchTypecheck({ rounds, workDir }) {
  await rm(workDir, { recursive: true, force: true });
  const v3 = await readFile(join(repoRoot, "packages/types/src/generated/v3.ts"), "utf8");
  const projects = {
    bare: await consumerProject(join(workDir, "bare"), "bare", v3),
    client: await consumerProject(join(workDir, "client"), "client", v3),
    bigger: await consumerProject(join(workDir, "bigger"), "client", await biggerV3Types()),
  };
  /** @type {Record<string, Array<{ checkTimeMs: number, instantiations: number }>>} */
  const samples = { client: [], bare: [], bigger: [] };
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const [id, paths] of Object.entries(projects))
        samples[id]?.push(await typecheck(join(workDir, id), paths));
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const summary = Object.fromEntries(
    Object.entries(samples).map(([id, s]) => [
      id,
      {
        checkTimeMs: median(s.map((x) => x.checkTimeMs)),
        instantiations: median(s.map((x) => x.instantiations)),
      },
    ]),
  );
  const ratio = (
    /** @type {string} */ a,
    /** @type {string} */ b,
    /** @type {"checkTimeMs" | "instantiations"} */ k,
  ) => /** @type {number} */ (summary[a]?.[k]) / /** @type {number} */ (summary[b]?.[k]);
  return {
    title: `7. Type-check cost: ${CALLS} calls, client vs bare openapi-fetch; client vs +${EXTRA_OPERATIONS} operations`,
    calls: CALLS,
    extraOperations: EXTRA_OPERATIONS,
    rounds,
    results: summary,
    ratios: {
      clientVsBareInstantiations: ratio("client", "bare", "instantiations"),
      clientVsBareCheckTime: ratio("client", "bare", "checkTimeMs"),
      biggerSpecVsClientInstantiations: ratio("bigger", "client", "instantiations"),
      biggerSpecVsClientCheckTime: ratio("bigger", "client", "checkTimeMs"),
    },
  };
}
