// A consumer's first program, as `pnpm release:check` compiles and runs it against the packages
// installed from the local registry: strict NodeNext, no skipLibCheck, no msw installed.

import { fileURLToPath } from "node:url";
import { createHeyGenClient, NotFoundError } from "@heygen-openapi/client";
import { compareSpecs, type DriftReport } from "@heygen-openapi/spec-drift";
import { createFakeHeyGen } from "@heygen-openapi/testing";
import type { AvatarGroup } from "@heygen-openapi/types";

const fake = await createFakeHeyGen({ apiKey: "test-key", seed: 1 });
const heygen = createHeyGenClient({ apiKey: "test-key", fetch: fake.fetch });

const page = await heygen.avatarGroups.list();
const groups: AvatarGroup[] = page.data;
const missing = await heygen.avatarGroups.get("no-such-group").catch((error: unknown) => error);
if (!(missing instanceof NotFoundError)) throw new Error("expected a NotFoundError");

const v3 = fileURLToPath(import.meta.resolve("@heygen-openapi/types/v3/openapi.json"));
const report: DriftReport = await compareSpecs(v3, v3);
if (report.summary.total !== 0) throw new Error("a document differs from itself");

console.log(`journey: ${groups.length} avatar groups over fake.fetch, NotFoundError, drift ok`);
