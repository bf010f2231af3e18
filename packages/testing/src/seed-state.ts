import {
  exampleAddedLook,
  exampleAvatarGroup,
  exampleLookDetails,
  examplePresetLooks,
} from "./examples.js";
import { upscaleAvailabilityFor } from "./fixtures.js";
import type { Random } from "./random.js";
import type { Store } from "./state.js";

/** How many groups of each ownership the seeded state holds (examples included). */
export interface SeedCounts {
  public?: number;
  private?: number;
}

/** The default: 13 groups, enough for three pages at `limit=5`. */
export const DEFAULT_SEED_COUNTS = { public: 8, private: 5 } as const;

/**
 * Fills an empty store: first the groups and looks of the spec examples, then fixture groups
 * (each with one to four looks) up to `counts`. Everything derives from the store's seed.
 */
export function seedState(store: Store, random: Random, counts: SeedCounts = {}): void {
  const publicCount = counts.public ?? DEFAULT_SEED_COUNTS.public;
  const privateCount = counts.private ?? DEFAULT_SEED_COUNTS.private;
  let publics = 0;
  let privates = 0;

  // The preset group the v2 listing example shows ("Outside 3", "Smoothie").
  if (publics < publicCount) {
    const presetGroupId = examplePresetLooks[0]!.group_id;
    store.addGroup({
      id: presetGroupId,
      ownership: "public",
      name: "Monica",
      created_at: 1730251000,
    });
    for (const look of examplePresetLooks) store.insertLook(look);
    publics++;
  }
  // The v3 AvatarGroupItem example, as the list example shows it (a public preset).
  if (publics < publicCount) {
    store.insertGroup({ ...exampleAvatarGroup, consent_status: null, status: null }, "public");
    for (let i = 0; i < exampleAvatarGroup.looks_count; i++) store.addLook(exampleAvatarGroup.id);
    publics++;
  }
  // The private groups behind the v2 details and add-looks examples.
  if (privates < privateCount) {
    store.addGroup({ id: exampleLookDetails.group_id, ownership: "private", name: "Claire" });
    store.insertLook(exampleLookDetails);
    privates++;
  }
  if (privates < privateCount) {
    store.addGroup({ id: exampleAddedLook.group_id, ownership: "private", name: "Dua" });
    store.insertLook({
      ...exampleAddedLook,
      status: "completed",
      upscale_availability: upscaleAvailabilityFor("completed"),
    });
    privates++;
  }
  for (; publics < publicCount; publics++) addWithLooks(store, random, "public");
  for (; privates < privateCount; privates++) addWithLooks(store, random, "private");
}

function addWithLooks(store: Store, random: Random, ownership: "public" | "private"): void {
  const group = store.addGroup({ ownership });
  const looks = 1 + random.int(4);
  for (let i = 0; i < looks; i++) store.addLook(group.id);
}
