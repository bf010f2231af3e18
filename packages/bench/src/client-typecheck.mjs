import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { packageFile, repoRoot } from "./paths.mjs";
import { median } from "./stats.mjs";
import { typecheck } from "./typecheck-cost.mjs";

/**
 * The operations of the spec before HeyGen's whole API was vendored ("today's 5 operations"):
 * the two v3 avatar reads; the v2 document is still the three photo-avatar pages.
 */
/** @type {Array<[string, string]>} */
const BASELINE_V3 = [
  ["/v3/avatars", "get"],
  ["/v3/avatars/{group_id}", "get"],
];

/** Each call as the client spells it and as bare openapi-fetch does. */
const V3_CALLS = [
  [
    `(await heygen.videos.get("v")).video_url`,
    `(await v3.GET("/v3/videos/{video_id}", { params: { path: { video_id: "v" } } })).data?.data.video_url`,
  ],
  [
    `(await heygen.videos.list({ limit: 5 })).data.length`,
    `(await v3.GET("/v3/videos", { params: { query: { limit: 5 } } })).data?.data.length`,
  ],
  [
    `(await heygen.videos.create({ type: "avatar", avatar_id: "a", script: "Hi" })).video_id`,
    `(await v3.POST("/v3/videos", { body: { type: "avatar", avatar_id: "a", script: "Hi" } })).data?.data.video_id`,
  ],
  [
    `(await heygen.avatars.get("g")).looks_count`,
    `(await v3.GET("/v3/avatars/{group_id}", { params: { path: { group_id: "g" } } })).data?.data.looks_count`,
  ],
  [
    `(await heygen.voices.list({ language: "English" })).data.length`,
    `(await v3.GET("/v3/voices", { params: { query: { language: "English" } } })).data?.data.length`,
  ],
  [
    `(await heygen.lipsyncs.get("l")).status`,
    `(await v3.GET("/v3/lipsyncs/{lipsync_id}", { params: { path: { lipsync_id: "l" } } })).data?.data.status`,
  ],
  [
    `(await heygen.webhooks.endpoints.create({ url: "https://x", events: ["avatar_video.success"] })).secret`,
    `(await v3.POST("/v3/webhooks/endpoints", { body: { url: "https://x", events: ["avatar_video.success"] } })).data?.data.secret`,
  ],
  [`(await heygen.users.me()).username`, `(await v3.GET("/v3/users/me")).data?.data.username`],
  [
    `(await heygen.videoTranslations.get("t")).status`,
    `(await v3.GET("/v3/video-translations/{video_translation_id}", { params: { path: { video_translation_id: "t" } } })).data?.data.status`,
  ],
  [
    `(await heygen.avatars.looks.list({ group_id: "g" })).data.length`,
    `(await v3.GET("/v3/avatars/looks", { params: { query: { group_id: "g" } } })).data?.data.length`,
  ],
];

/** Calls both specs have: the five avatar operations, twice each. */
const AVATAR_CALLS = [
  [
    `(await heygen.avatarGroups.get("g")).looks_count`,
    `(await v3.GET("/v3/avatars/{group_id}", { params: { path: { group_id: "g" } } })).data?.data.looks_count`,
  ],
  [
    `(await heygen.avatarGroups.list({ ownership: "public", limit: 5 })).data.length`,
    `(await v3.GET("/v3/avatars", { params: { query: { ownership: "public", limit: 5 } } })).data?.data.length`,
  ],
  [
    `(await heygen.avatarGroups.listLooks("g")).avatar_list.length`,
    `(await v2.GET("/v2/avatar_group/{group_id}/avatars", { params: { path: { group_id: "g" } } })).data?.data.avatar_list.length`,
  ],
  [
    `(await heygen.photoAvatars.get("l")).created_at`,
    `(await v2.GET("/v2/photo_avatar/{id}", { params: { path: { id: "l" } } })).data?.data.created_at`,
  ],
  [
    `(await heygen.photoAvatars.addLooks({ group_id: "g", image_keys: ["k"], name: "n" })).photo_avatar_list.length`,
    `(await v2.POST("/v2/photo_avatar/avatar_group/add", { body: { group_id: "g", image_keys: ["k"], name: "n" } })).data?.data.photo_avatar_list.length`,
  ],
];

/**
 * A consumer file making `calls` through the client (`style` 0) or bare openapi-fetch (1), whose
 * v3 `paths` come from `v3Types` (a module specifier).
 * @param {string[][]} calls
 * @param {0 | 1} style
 * @param {string} v3Types
 */
function consumer(calls, style, v3Types = "@heygen-openapi/types/v3") {
  const head =
    style === 0
      ? [
          'import { createHeyGenClient } from "@heygen-openapi/client";',
          'const heygen = createHeyGenClient({ apiKey: "k" });',
        ]
      : [
          'import createClient from "openapi-fetch";',
          'import type { paths as V2 } from "@heygen-openapi/types/v2";',
          `import type { paths as V3 } from "${v3Types}";`,
          'const v2 = createClient<V2>({ baseUrl: "https://api.heygen.com" });',
          'const v3 = createClient<V3>({ baseUrl: "https://api.heygen.com" });',
          "void v2; void v3;",
        ];
  return [
    ...head,
    "export async function consume(): Promise<unknown[]> {",
    "  const out: unknown[] = [];",
    ...calls.map((c) => `  out.push(${c[style]});`),
    "  return out;",
    "}",
    "",
  ].join("\n");
}

/**
 * The bundled v3 document cut down to {@link BASELINE_V3} and the component schemas they reach,
 * turned into types with the options `pnpm generate` uses: today's 5-operation spec, derived at
 * bench time rather than kept by hand.
 */
async function baselineV3Types() {
  const doc = JSON.parse(
    await readFile(packageFile("@heygen-openapi/types", "openapi/v3.json"), "utf8"),
  );
  /** @type {Record<string, Record<string, unknown>>} */
  const paths = {};
  for (const [p, m] of BASELINE_V3) paths[p] = { ...paths[p], [m]: doc.paths[p][m] };
  const keep = new Set();
  const visit = (/** @type {unknown} */ node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")) {
        const name = v.slice("#/components/schemas/".length);
        if (!keep.has(name)) {
          keep.add(name);
          visit(doc.components.schemas[name]);
        }
      } else visit(v);
    }
  };
  visit(paths);
  const schemas = Object.fromEntries(
    Object.entries(doc.components.schemas).filter(([k]) => keep.has(k)),
  );
  const cut = { ...doc, paths, components: { schemas } };
  const blob = ts.factory.createTypeReferenceNode("Blob");
  const ast = await openapiTS(cut, {
    silent: true,
    emptyObjectsUnknown: true,
    defaultNonNullable: false,
    transform: (/** @type {{ format?: string }} */ s) => (s.format === "binary" ? blob : undefined),
  });
  return { text: astToString(ast), operations: BASELINE_V3.length + 3 };
}

/**
 * Type-checks one consumer file in `dir` (see `typecheck` of benchmark 7).
 * @param {string} dir
 * @param {string} file
 * @param {boolean} skipLibCheck
 */
async function check(dir, file, skipLibCheck) {
  await writeFile(join(dir, "consumer.ts"), file);
  return typecheck(dir, undefined, skipLibCheck);
}

/**
 * Benchmark 10 (issues 10 §4 and 11): what typing through the client costs a consumer's `tsc`.
 * - 5 v3 calls through the client vs the same through bare openapi-fetch on the same `paths`
 *   (budget: no more instantiations);
 * - 10 v3 calls, both ways, with and without `skipLibCheck` (instantiations and check time);
 * - the avatar calls through the client on the 62-operation spec vs through bare openapi-fetch
 *   on today's 5-operation spec, derived from the bundle at bench time (budget: at most 1.2x).
 * @param {{ rounds: number }} options
 */
export async function benchClientTypecheck({ rounds }) {
  const work = join(repoRoot, "packages/bench/.typecheck-client");
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const baseline = await baselineV3Types();
  await writeFile(join(work, "v3-baseline.ts"), baseline.text);
  const five = V3_CALLS.slice(0, 5);
  /** @type {Record<string, [string, boolean]>} */
  const consumers = {
    "5 calls, client": [consumer(five, 0), true],
    "5 calls, bare openapi-fetch": [consumer(five, 1), true],
    "10 calls, client": [consumer(V3_CALLS, 0), true],
    "10 calls, bare openapi-fetch": [consumer(V3_CALLS, 1), true],
    "10 calls, client, no skipLibCheck": [consumer(V3_CALLS, 0), false],
    "10 calls, bare openapi-fetch, no skipLibCheck": [consumer(V3_CALLS, 1), false],
    "avatar calls, client, 62-operation spec": [consumer(AVATAR_CALLS, 0), true],
    "avatar calls, bare, 5-operation spec": [consumer(AVATAR_CALLS, 1, "../v3-baseline.js"), true],
  };
  /** @type {Record<string, Array<{ checkTimeMs: number, instantiations: number }>>} */
  const samples = {};
  try {
    let i = 0;
    for (const id of Object.keys(consumers)) {
      const dir = join(work, `c${i++}`);
      await mkdir(dir, { recursive: true });
      samples[id] = [];
      for (let r = 0; r < rounds; r += 1) {
        const [file, skip] = /** @type {[string, boolean]} */ (consumers[id]);
        samples[id].push(await check(dir, file, skip));
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const results = Object.fromEntries(
    Object.entries(samples).map(([id, s]) => [
      id,
      {
        checkTimeMs: median(s.map((x) => x.checkTimeMs)),
        instantiations: median(s.map((x) => x.instantiations)),
      },
    ]),
  );
  const q = (
    /** @type {string} */ a,
    /** @type {string} */ b,
    /** @type {"instantiations" | "checkTimeMs"} */ k = "instantiations",
  ) => /** @type {number} */ (results[a]?.[k]) / /** @type {number} */ (results[b]?.[k]);
  return {
    title: "10. Type-check cost of typing through the client (tsc --extendedDiagnostics)",
    baselineOperations: baseline.operations,
    rounds,
    results,
    ratios: {
      fiveCallsInstantiations: q("5 calls, client", "5 calls, bare openapi-fetch"),
      tenCallsInstantiations: q("10 calls, client", "10 calls, bare openapi-fetch"),
      tenCallsCheckTime: q("10 calls, client", "10 calls, bare openapi-fetch", "checkTimeMs"),
      tenCallsNoSkipLibCheckInstantiations: q(
        "10 calls, client, no skipLibCheck",
        "10 calls, bare openapi-fetch, no skipLibCheck",
      ),
      tenCallsNoSkipLibCheckCheckTime: q(
        "10 calls, client, no skipLibCheck",
        "10 calls, bare openapi-fetch, no skipLibCheck",
        "checkTimeMs",
      ),
      wholeApiVsFiveOperationsInstantiations: q(
        "avatar calls, client, 62-operation spec",
        "avatar calls, bare, 5-operation spec",
      ),
    },
  };
}
