import type { AssetStore } from "./asset-store.js";
import type { FakeError } from "./error-bodies.js";
import type { JobStore } from "./job-store.js";
import type { MultipartForm } from "./multipart.js";
import type { Random } from "./random.js";
import type { Route } from "./routes.js";
import type { Store } from "./state.js";
import type { WebhookStore } from "./webhook-store.js";

/** What an operation answers: a status and a JSON body, or an error in the operation's shape. */
export type OperationResult = { status: number; body: unknown } | { error: FakeError };

/** The validated parts of a request an operation reads. */
export interface OperationInput {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** The JSON body, or the multipart form's fields (already checked against the spec). */
  body: unknown;
  /** The multipart form, for uploads. */
  form: MultipartForm | undefined;
}

/** The state and helpers an operation works with. */
export interface OperationContext {
  route: Route;
  groups: Store;
  jobs: JobStore;
  assets: AssetStore;
  webhooks: WebhookStore;
  /** A realistic answer built from the route's 200 schema (deterministic per seed and request). */
  generated(input: OperationInput): Record<string, unknown>;
  /** The values of an enum component schema of the v3 spec (e.g. `WebhookEventType`). */
  enumValues(component: string): string[];
  random: Random;
  now(): number;
}

/** One operation's behaviour. Inputs are already checked against the spec. */
export type Operation = (context: OperationContext, input: OperationInput) => OperationResult;

/** A 200 with `{ data }`, the v3 envelope. */
export function ok(data: unknown): OperationResult {
  return { status: 200, body: { data } };
}

/** The first value of a query parameter, if given. */
export function queryValue(
  query: Record<string, string | string[]>,
  name: string,
): string | undefined {
  const value = query[name];
  return typeof value === "string" ? value : undefined;
}
