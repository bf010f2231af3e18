import type { OperationKey } from "@heygen-openapi/types";
import { ASSET_OPERATIONS } from "./asset-operations.js";
import { AVATAR_OPERATIONS } from "./avatar-operations.js";
import { JOB_OPERATIONS } from "./job-operations.js";
import type { Operation } from "./operation-context.js";
import { WEBHOOK_OPERATIONS } from "./webhook-operations.js";

/**
 * The operations with state of their own (groups and looks, jobs, assets, webhooks). Every other
 * operation of the registry answers with data generated from its schema.
 */
export const STATEFUL_OPERATIONS: Partial<Record<OperationKey, Operation>> = {
  ...AVATAR_OPERATIONS,
  ...JOB_OPERATIONS,
  ...ASSET_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
};

/** Operations without state: a realistic answer from the 200 schema, deterministic per seed and request. */
export const generatedOperation: Operation = (context, input) => ({
  status: 200,
  body: context.generated(input),
});
