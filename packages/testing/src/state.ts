import type { AvatarGroup, PhotoAvatarLook } from "./api-types.js";
import {
  type AvatarGroupOverrides,
  type Fixtures,
  moderationMessageFor,
  type Ownership,
  upscaleAvailabilityFor,
} from "./fixtures.js";
import { type Cursor, type Page, pageAfter } from "./pagination.js";
import type { Random } from "./random.js";

/** Where a pending look ends up once HeyGen has processed it. */
export type LookOutcome = "completed" | "moderation_rejected" | "failed";

/** What the fake knows about a look being added, for deciding its {@link LookOutcome}. */
export interface NewLookInfo {
  group_id: string;
  image_key: string;
  name: string;
}

/** Decides the outcome of every new look: one outcome for all, or one per look. */
export type LookOutcomeRule = LookOutcome | ((look: NewLookInfo) => LookOutcome);

/** How added looks progress from `pending`. */
export interface LookProcessing {
  /**
   * How many reads (GET of the look, or a listing that contains it) still see `pending`; the
   * next read sees the outcome. Defaults to 2, or to "never" when only `pendingMs` is given.
   */
  pendingReads?: number;
  /** Milliseconds (on the fake's clock) after which a look reaches its outcome. */
  pendingMs?: number;
  /** The outcome of new looks; defaults to `completed`. */
  outcome?: LookOutcomeRule;
}

/** An avatar group as the fake stores it: the v3 item plus who owns it. */
export interface StoredGroup extends AvatarGroup {
  ownership: Ownership;
}

/** The fields a test may set on a group; `looks_count` is derived from the stored looks. */
export type GroupPatch = Partial<Omit<AvatarGroup, "id" | "looks_count">> & {
  ownership?: Ownership;
};

/**
 * The fake's data, readable and writable by tests. Reads return copies (change data through the
 * methods); writes are checked against the bundled schemas and throw a `TypeError` naming the
 * bad field. Reads here never count as API reads of a look.
 *
 * @example
 * const group = fake.state.addGroup({ ownership: "private", name: "Ops" });
 * fake.state.addLook(group.id, { status: "pending" });
 * fake.state.settleLook(lookId, "moderation_rejected");
 */
export interface FakeState {
  /** Every group, newest first (the order `GET /v3/avatars` lists them in). */
  groups(filter?: { ownership?: Ownership }): StoredGroup[];
  /** One group, or undefined. */
  group(id: string): StoredGroup | undefined;
  /** Adds a group built by the fixtures (public unless `ownership` says otherwise); returns it. */
  addGroup(overrides?: AvatarGroupOverrides): StoredGroup;
  /** Changes fields of a group; throws if it does not exist. */
  updateGroup(id: string, patch: GroupPatch): StoredGroup;
  /** Removes a group and its looks; false if there was none. */
  removeGroup(id: string): boolean;
  /** Every look (of one group when `groupId` is given), oldest first. */
  looks(groupId?: string): PhotoAvatarLook[];
  /** One look, or undefined. */
  look(id: string): PhotoAvatarLook | undefined;
  /** Adds a look to an existing group; `completed` unless you say otherwise. */
  addLook(groupId: string, overrides?: Partial<Omit<PhotoAvatarLook, "group_id">>): PhotoAvatarLook;
  /** Changes fields of a look; throws if it does not exist. */
  updateLook(id: string, patch: Partial<Omit<PhotoAvatarLook, "id">>): PhotoAvatarLook;
  /** Ends a look's processing now with `outcome`, as HeyGen would (status, moderation message). */
  settleLook(id: string, outcome: LookOutcome, moderationMsg?: string): PhotoAvatarLook;
  /** Sets the outcome of looks added from now on. */
  setLookOutcome(rule: LookOutcomeRule): void;
  /** Restores the seeded state (same seed, same data). */
  reset(): void;
}

interface LookRecord {
  look: PhotoAvatarLook;
  reads: number;
  createdMs: number;
  outcome: LookOutcome;
}

interface GroupRecord {
  group: Omit<AvatarGroup, "looks_count">;
  ownership: Ownership;
}

/** Schema checks the store runs on every write (ajv-backed in the fake). */
export interface StateChecks {
  group(group: AvatarGroup): void;
  look(look: PhotoAvatarLook): void;
}

/** Options of {@link createStore}. */
export interface StoreOptions {
  fixtures: () => Fixtures;
  random: () => Random;
  now: () => number;
  processing: LookProcessing;
  checks: StateChecks;
  seed: (store: Store) => void;
}

/** The engine's view of the state: the public {@link FakeState} plus the API-side operations. */
export interface Store extends FakeState {
  /** A look as an API read sees it: counts the read and may finish its processing. */
  readLook(id: string): PhotoAvatarLook | undefined;
  /**
   * One page of `GET /v3/avatars`: costs about the page's size, not the store's (sorted order
   * is cached between writes, and only the page's groups are copied).
   */
  groupPage(
    ownership: Ownership | null,
    cursor: Cursor | undefined,
    limit: number,
  ): Page<StoredGroup>;
  /** A group's looks as an API listing sees them: each counts as a read. */
  readLooks(groupId: string): PhotoAvatarLook[];
  /** Creates looks as `POST /v2/photo_avatar/avatar_group/add` does. */
  createLooks(groupId: string, imageKeys: readonly string[], name: string): PhotoAvatarLook[];
  /** Inserts a group record as-is (seeding). */
  insertGroup(group: AvatarGroup, ownership: Ownership): void;
  /** Inserts a look record as-is (seeding). */
  insertLook(look: PhotoAvatarLook): void;
}

const GROUP_KEYS = new Set([
  "name",
  "created_at",
  "gender",
  "preview_image_url",
  "preview_video_url",
  "default_voice_id",
  "consent_status",
  "status",
  "error",
  "ownership",
]);

/** Creates the in-memory store behind one fake. */
export function createStore(options: StoreOptions): Store {
  const groupsById = new Map<string, GroupRecord>();
  const looksById = new Map<string, LookRecord>();
  let fixtures = options.fixtures();
  let random = options.random();
  let outcomeRule: LookOutcomeRule = options.processing.outcome ?? "completed";
  const pendingReads =
    options.processing.pendingReads ??
    (options.processing.pendingMs === undefined ? 2 : Number.POSITIVE_INFINITY);

  // Look ids per group, so counting and listing a group's looks never scans every look.
  const lookIdsByGroup = new Map<string, Set<string>>();
  // Groups newest first (all, and per ownership), rebuilt on the first read after a write that
  // can change the order or the ownership.
  let sorted: GroupRecord[] | undefined;
  const sortedByOwnership = new Map<Ownership | null, GroupRecord["group"][]>();
  // True while the seeded data is inserted (see reset).
  let seeding = false;
  // The last millisecond handed to a new look, so created_at rises across calls too.
  let lastLookMs = Number.NEGATIVE_INFINITY;

  const indexLook = (lookId: string, groupId: string): void => {
    let ids = lookIdsByGroup.get(groupId);
    if (!ids) {
      ids = new Set();
      lookIdsByGroup.set(groupId, ids);
    }
    ids.add(lookId);
  };
  const unindexLook = (lookId: string, groupId: string): void => {
    lookIdsByGroup.get(groupId)?.delete(lookId);
  };

  const looksOf = (groupId: string): LookRecord[] =>
    [...(lookIdsByGroup.get(groupId) ?? [])]
      .map((id) => looksById.get(id)!)
      .sort((a, b) => a.look.created_at - b.look.created_at || compare(a.look.id, b.look.id));

  const sortedRecords = (): GroupRecord[] => {
    if (!sorted) {
      sorted = [...groupsById.values()].sort((a, b) => newestFirst(a.group, b.group));
      sortedByOwnership.clear();
    }
    return sorted;
  };
  const sortedGroups = (ownership: Ownership | null): GroupRecord["group"][] => {
    const records = sortedRecords();
    let groups = sortedByOwnership.get(ownership);
    if (!groups) {
      groups = records
        .filter((r) => ownership === null || r.ownership === ownership)
        .map((r) => r.group);
      sortedByOwnership.set(ownership, groups);
    }
    return groups;
  };

  const view = (record: GroupRecord): StoredGroup => ({
    ...copyOf(record.group),
    looks_count: lookIdsByGroup.get(record.group.id)?.size ?? 0,
    ownership: record.ownership,
  });

  const settle = (record: LookRecord, outcome: LookOutcome, moderationMsg?: string): void => {
    record.look.status = outcome;
    record.look.upscale_availability = upscaleAvailabilityFor(outcome);
    record.look.moderation_msg = moderationMsg ?? moderationMessageFor(outcome);
  };

  const timeUp = (record: LookRecord): boolean =>
    options.processing.pendingMs !== undefined &&
    options.now() - record.createdMs >= options.processing.pendingMs;

  const progressByTime = (record: LookRecord): void => {
    if (record.look.status === "pending" && timeUp(record)) settle(record, record.outcome);
  };

  const requireGroup = (id: string): GroupRecord => {
    const record = groupsById.get(id);
    if (!record) throw new TypeError(`fake.state: no avatar group with id "${id}"`);
    return record;
  };
  const requireLook = (id: string): LookRecord => {
    const record = looksById.get(id);
    if (!record) throw new TypeError(`fake.state: no look with id "${id}"`);
    return record;
  };

  const store: Store = {
    groups(filter = {}) {
      return sortedRecords()
        .filter((r) => filter.ownership === undefined || r.ownership === filter.ownership)
        .map(view);
    },
    groupPage(ownership, cursor, limit) {
      const page = pageAfter(sortedGroups(ownership), cursor, limit, ownership);
      return { ...page, items: page.items.map((g) => view(groupsById.get(g.id)!)) };
    },
    group(id) {
      const record = groupsById.get(id);
      return record ? view(record) : undefined;
    },
    addGroup(overrides = {}) {
      const group = fixtures.avatarGroup(overrides);
      if (groupsById.has(group.id)) {
        throw new TypeError(`fake.state.addGroup: a group with id "${group.id}" already exists`);
      }
      store.insertGroup(group, overrides.ownership ?? "public");
      return view(requireGroup(group.id));
    },
    updateGroup(id, patch) {
      const record = requireGroup(id);
      for (const key of Object.keys(patch)) {
        if (!GROUP_KEYS.has(key)) {
          throw new TypeError(
            key === "looks_count"
              ? "fake.state.updateGroup: looks_count is derived from the group's looks; add or remove looks instead"
              : `fake.state.updateGroup: "${key}" cannot be changed`,
          );
        }
      }
      const { ownership, ...fields } = patch;
      const next = { ...record.group, ...structuredClone(fields) };
      options.checks.group({ ...next, looks_count: 0 });
      record.group = next;
      if (ownership !== undefined) record.ownership = ownership;
      sorted = undefined;
      return view(record);
    },
    removeGroup(id) {
      if (!groupsById.delete(id)) return false;
      for (const lookId of lookIdsByGroup.get(id) ?? []) looksById.delete(lookId);
      lookIdsByGroup.delete(id);
      sorted = undefined;
      return true;
    },
    looks(groupId) {
      const records =
        groupId === undefined
          ? [...looksById.values()].sort(
              (a, b) => a.look.created_at - b.look.created_at || compare(a.look.id, b.look.id),
            )
          : looksOf(groupId);
      return records.map((r) => {
        progressByTime(r);
        return structuredClone(r.look);
      });
    },
    look(id) {
      const record = looksById.get(id);
      if (!record) return undefined;
      progressByTime(record);
      return structuredClone(record.look);
    },
    addLook(groupId, overrides = {}) {
      requireGroup(groupId);
      const look = fixtures.photoAvatarLook({ ...overrides, group_id: groupId });
      if (looksById.has(look.id)) {
        throw new TypeError(`fake.state.addLook: a look with id "${look.id}" already exists`);
      }
      store.insertLook(look);
      return structuredClone(look);
    },
    updateLook(id, patch) {
      const record = requireLook(id);
      if ("id" in patch) throw new TypeError("fake.state.updateLook: a look's id cannot change");
      if (patch.group_id !== undefined) requireGroup(patch.group_id);
      const next = { ...record.look, ...structuredClone(patch) };
      options.checks.look(next);
      unindexLook(id, record.look.group_id);
      indexLook(id, next.group_id);
      record.look = next;
      return structuredClone(next);
    },
    settleLook(id, outcome, moderationMsg) {
      const record = requireLook(id);
      settle(record, outcome, moderationMsg);
      return structuredClone(record.look);
    },
    setLookOutcome(rule) {
      outcomeRule = rule;
    },
    reset() {
      groupsById.clear();
      looksById.clear();
      lookIdsByGroup.clear();
      sorted = undefined;
      lastLookMs = Number.NEGATIVE_INFINITY;
      fixtures = options.fixtures();
      random = options.random();
      outcomeRule = options.processing.outcome ?? "completed";
      // The seeded data are the spec examples and fixtures, both checked against the schemas by
      // their own tests; skipping the checks here keeps start-up from loading the specs at all.
      seeding = true;
      try {
        options.seed(store);
      } finally {
        seeding = false;
      }
    },
    readLook(id) {
      const record = looksById.get(id);
      if (!record) return undefined;
      readRecord(record);
      return structuredClone(record.look);
    },
    readLooks(groupId) {
      return looksOf(groupId).map((record) => {
        readRecord(record);
        return structuredClone(record.look);
      });
    },
    createLooks(groupId, imageKeys, name) {
      requireGroup(groupId);
      const nowMs = options.now();
      return imageKeys.map((imageKey) => {
        const id = random.hex(32);
        lastLookMs = Math.max(Math.round(nowMs), lastLookMs + 1);
        const look: PhotoAvatarLook = {
          id,
          image_url: `https://files2.heygen.ai/photo_generation/${groupId}/${id}.jpg`,
          // HeyGen reports fresh looks with fractional seconds; strictly increasing across every
          // look this fake creates, so a group's listing shows them in creation order.
          created_at: lastLookMs / 1000,
          name,
          status: "pending",
          group_id: groupId,
          is_motion: false,
          motion_preview_url: null,
          business_type: "uploaded",
          upscale_availability: upscaleAvailabilityFor("pending"),
          upscaled: false,
          background_sound_effect: null,
          default_voice_id: null,
          moderation_msg: null,
        };
        const outcome =
          typeof outcomeRule === "function"
            ? outcomeRule({ group_id: groupId, image_key: imageKey, name })
            : outcomeRule;
        looksById.set(id, { look, reads: 0, createdMs: nowMs, outcome });
        indexLook(id, groupId);
        return structuredClone(look);
      });
    },
    insertGroup(group, ownership) {
      if (!seeding) options.checks.group(group);
      const { looks_count: _derived, ...rest } = group;
      groupsById.set(group.id, { group: structuredClone(rest), ownership });
      sorted = undefined;
    },
    insertLook(look) {
      if (!seeding) options.checks.look(look);
      requireGroup(look.group_id);
      indexLook(look.id, look.group_id);
      looksById.set(look.id, {
        look: structuredClone(look),
        reads: 0,
        createdMs: options.now(),
        outcome: look.status === "pending" ? "completed" : (look.status as LookOutcome),
      });
    },
  };

  function readRecord(record: LookRecord): void {
    if (record.look.status !== "pending") return;
    record.reads += 1;
    if (record.reads > pendingReads || timeUp(record)) settle(record, record.outcome);
  }

  return store;
}

/** Listing order of `GET /v3/avatars`: newest first, ties broken by id. */
export function newestFirst(
  a: Pick<AvatarGroup, "id" | "created_at">,
  b: Pick<AvatarGroup, "id" | "created_at">,
): number {
  return b.created_at - a.created_at || compare(b.id, a.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A deep copy of a stored record. Records are plain JSON data, usually flat; a flat one is copied
 * with a spread, which costs a fraction of structuredClone on every read.
 */
function copyOf<T extends object>(value: T): T {
  for (const key in value) {
    const field = value[key];
    if (field !== null && typeof field === "object") return structuredClone(value);
  }
  return { ...value };
}
