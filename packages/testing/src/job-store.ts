import { JOB_KINDS, type JobKind, terminalStates } from "./job-kinds.js";
import type { Random } from "./random.js";
import { fileUrl } from "./schema-data.js";

/** Why a job failed, as its `failure_code` and `failure_message` show it. */
export interface JobFailure {
  code?: string;
  message?: string;
}

/** Where a job ends: completed, or failed with a failure. */
export type JobOutcome = "completed" | { failed: JobFailure };

/** What the fake knows of a job at creation, to decide its {@link JobOutcome}. */
export interface NewJobInfo {
  kind: JobKind;
  id: string;
  /** The request body that created it. */
  body: unknown;
}

/** The outcome of every new job, or one per job. */
export type JobOutcomeRule = JobOutcome | ((job: NewJobInfo) => JobOutcome);

/** How jobs progress. */
export interface JobProcessing {
  /**
   * How many API reads (GET of the job) see it unfinished; the next read sees its end. Defaults
   * to 2, or to "never" when only `durationMs` is given.
   */
  pendingReads?: number;
  /** Milliseconds after which a job ends by itself (a real timer; webhooks go out then). */
  durationMs?: number;
  /** The outcome of new jobs; defaults to `completed`. */
  outcome?: JobOutcomeRule;
}

/** A job as tests see it. */
export interface JobSnapshot {
  kind: JobKind;
  id: string;
  status: string;
  /** True once it reached a terminal state of the registry. */
  done: boolean;
  /** The resource as `GET` shows it (a copy). */
  resource: Record<string, unknown>;
}

/**
 * The fake's long-running jobs (videos, video translations, proofreads, lipsyncs, video-agent
 * sessions), readable and steerable by tests. Reads here never count as API reads.
 *
 * @example
 * const { video_id } = await createVideo();
 * fake.jobs.fail(video_id, { code: "AVATAR_NOT_FOUND", message: "Avatar not found" });
 */
export interface FakeJobs {
  /** One job, or undefined. */
  get(id: string): JobSnapshot | undefined;
  /** Every job (of one kind), newest first. */
  list(kind?: JobKind): JobSnapshot[];
  /** Ends a job now as completed (its webhook and callback go out). */
  complete(id: string): JobSnapshot;
  /** Ends a job now as failed with `failure_code`/`failure_message`. */
  fail(id: string, failure?: JobFailure): JobSnapshot;
  /** Sets the outcome of jobs created from now on. */
  setOutcome(rule: JobOutcomeRule): void;
}

/** A fresh resource of a kind, from its schema, and which of its fields may be null. */
export interface ResourceTemplate {
  resource: Record<string, unknown>;
  nullable: ReadonlySet<string>;
}

/** Options of {@link createJobStore}. */
export interface JobStoreOptions {
  processing: JobProcessing;
  now: () => number;
  random: () => Random;
  template: (kind: JobKind) => ResourceTemplate;
  /** Called once when a job reaches a terminal state, with the creator's callback URL and id. */
  onSettled: (job: JobSnapshot, callback: { url: string | null; id: string | null }) => void;
  /** Schedules a timer that the fake clears on close. */
  schedule: (ms: number, run: () => void) => void;
}

interface JobRecord {
  kind: JobKind;
  id: string;
  seq: number;
  resource: Record<string, unknown>;
  nullable: ReadonlySet<string>;
  reads: number;
  createdMs: number;
  outcome: JobOutcome;
  callback: { url: string | null; id: string | null };
  done: boolean;
}

/** The engine's side of the jobs. */
export interface JobStore extends FakeJobs {
  /** Creates a job; `fields` set resource fields (title, callback_id, output_language...). */
  create(
    kind: JobKind,
    fields: Record<string, unknown>,
    info: { body: unknown; callbackUrl?: string | null; callbackId?: string | null },
  ): Record<string, unknown>;
  /** A job as an API read sees it: counts the read, may end it. Undefined if none of `kind`. */
  read(kind: JobKind, id: string): Record<string, unknown> | undefined;
  /** The jobs of a kind, newest first, for listings (reads there do not count). */
  listing(kind: JobKind): { seq: number; value: Record<string, unknown> }[];
  /** Changes resource fields (PATCH); undefined if none of `kind`. */
  update(
    kind: JobKind,
    id: string,
    patch: Record<string, unknown>,
  ): Record<string, unknown> | undefined;
  /** Deletes a job; false if none of `kind`. */
  remove(kind: JobKind, id: string): boolean;
  reset(): void;
}

/** Creates the job store of one fake. */
export function createJobStore(options: JobStoreOptions): JobStore {
  const jobs = new Map<string, JobRecord>();
  let random = options.random();
  let seq = 0;
  let rule: JobOutcomeRule = options.processing.outcome ?? "completed";
  const pendingReads =
    options.processing.pendingReads ??
    (options.processing.durationMs === undefined ? 2 : Number.POSITIVE_INFINITY);

  const snapshot = (record: JobRecord): JobSnapshot => ({
    kind: record.kind,
    id: record.id,
    status: String(record.resource.status),
    done: record.done,
    resource: structuredClone(record.resource),
  });

  const settle = (record: JobRecord, outcome: JobOutcome): void => {
    if (record.done) return;
    const { done, failed } = terminalStates(JOB_KINDS[record.kind].get);
    const r = record.resource;
    const nowSeconds = Math.floor(options.now() / 1000);
    record.done = true;
    if (outcome === "completed") {
      r.status = done;
      for (const field of Object.keys(r)) {
        if (field.endsWith("_url") && record.nullable.has(field)) r[field] = fileUrl(field, random);
      }
      if ("duration" in r) r.duration = 5 + random.int(120) + Math.round(random.next() * 100) / 100;
      if ("completed_at" in r) r.completed_at = nowSeconds;
      if ("video_id" in r && r.video_id === null) r.video_id = random.hex(32);
      if ("progress" in r) r.progress = 100;
    } else {
      r.status = failed;
      if ("failure_code" in r) r.failure_code = outcome.failed.code ?? "internal_error";
      if ("failure_message" in r) r.failure_message = outcome.failed.message ?? "The job failed.";
    }
    options.onSettled(snapshot(record), record.callback);
  };

  const timeUp = (record: JobRecord) =>
    options.processing.durationMs !== undefined &&
    options.now() - record.createdMs >= options.processing.durationMs;

  const require = (id: string): JobRecord => {
    const record = jobs.get(id);
    if (!record) throw new TypeError(`fake.jobs: no job with id "${id}"`);
    return record;
  };

  const store: JobStore = {
    get: (id) => {
      const record = jobs.get(id);
      return record ? snapshot(record) : undefined;
    },
    list: (kind) =>
      [...jobs.values()]
        .filter((r) => kind === undefined || r.kind === kind)
        .sort((a, b) => b.seq - a.seq)
        .map(snapshot),
    complete(id) {
      const record = require(id);
      settle(record, "completed");
      return snapshot(record);
    },
    fail(id, failure = {}) {
      const record = require(id);
      settle(record, { failed: failure });
      return snapshot(record);
    },
    setOutcome(next) {
      rule = next;
    },
    create(kind, fields, info) {
      const spec = JOB_KINDS[kind];
      const { resource, nullable } = options.template(kind);
      const id = random.hex(32);
      const nowMs = options.now();
      resource[spec.idField] = id;
      resource.status = spec.progression[0];
      for (const field of Object.keys(resource)) {
        if (!nullable.has(field)) continue;
        if (
          field.endsWith("_url") ||
          field.startsWith("failure_") ||
          field === "duration" ||
          field === "completed_at"
        ) {
          resource[field] = null;
        }
      }
      if ("video_id" in resource && nullable.has("video_id")) resource.video_id = null;
      if ("created_at" in resource) resource.created_at = Math.floor(nowMs / 1000);
      if ("progress" in resource) resource.progress = 0;
      Object.assign(resource, structuredClone(fields));
      const outcome =
        typeof rule === "function" ? rule({ kind, id, body: structuredClone(info.body) }) : rule;
      const record: JobRecord = {
        kind,
        id,
        seq: ++seq,
        resource,
        nullable,
        reads: 0,
        createdMs: nowMs,
        outcome,
        callback: { url: info.callbackUrl ?? null, id: info.callbackId ?? null },
        done: false,
      };
      jobs.set(id, record);
      if (options.processing.durationMs !== undefined) {
        options.schedule(options.processing.durationMs, () => {
          if (jobs.get(id) === record) settle(record, record.outcome);
        });
      }
      return structuredClone(resource);
    },
    read(kind, id) {
      const record = jobs.get(id);
      if (!record || record.kind !== kind) return undefined;
      if (!record.done) {
        record.reads += 1;
        if (record.reads > pendingReads || timeUp(record)) settle(record, record.outcome);
        else {
          const steps = JOB_KINDS[kind].progression;
          record.resource.status = steps[Math.min(record.reads, steps.length - 1)];
          if ("progress" in record.resource) {
            record.resource.progress = Math.min(
              95,
              Math.round((100 * record.reads) / (pendingReads + 1)),
            );
          }
        }
      }
      return structuredClone(record.resource);
    },
    listing(kind) {
      return [...jobs.values()]
        .filter((r) => r.kind === kind)
        .sort((a, b) => b.seq - a.seq)
        .map((r) => ({ seq: r.seq, value: structuredClone(r.resource) }));
    },
    update(kind, id, patch) {
      const record = jobs.get(id);
      if (!record || record.kind !== kind) return undefined;
      Object.assign(record.resource, structuredClone(patch));
      return structuredClone(record.resource);
    },
    remove(kind, id) {
      const record = jobs.get(id);
      if (!record || record.kind !== kind) return false;
      jobs.delete(id);
      return true;
    },
    reset() {
      jobs.clear();
      seq = 0;
      random = options.random();
      rule = options.processing.outcome ?? "completed";
    },
  };
  return store;
}
