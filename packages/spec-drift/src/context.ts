import type { Normalizer } from "./normalize.js";
import { type ChangeFields, type LevelPolicy, makeChange, type RuleId } from "./rules.js";
import type { Change } from "./types.js";

/** Shared state of one comparison: both documents' normalizers and the change sink. */
export class CompareContext {
  readonly changes: Change[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly base: Normalizer,
    readonly head: Normalizer,
    private readonly levels: LevelPolicy = "ours",
  ) {}

  /** Records a change once (the same rule at the same place is reported once). */
  emit(id: RuleId, fields: ChangeFields): void {
    const key = `${id}\u0000${fields.operation}\u0000${fields.location}\u0000${fields.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.changes.push(makeChange(id, fields, this.levels));
  }
}

/** HTTP methods an OpenAPI path item may hold, in report order. */
export const METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;

/** Whether a status code (or range like `2XX`) means success for a client. */
export function isSuccessStatus(status: string): boolean {
  return /^[23]/.test(status);
}
