/**
 * A small seeded pseudo-random generator (mulberry32). Every random choice the fake makes goes
 * through one of these, so a given seed and the same sequence of requests always produce the
 * same ids, timestamps and fault decisions.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** `length` lowercase hex digits, like HeyGen's 32-character ids. */
  hex(length: number): string;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Creates a generator for `seed`; `stream` separates independent sequences drawn from one seed
 * (state ids and fault decisions must not shift each other).
 */
export function createRandom(seed: number, stream = ""): Random {
  let a = mix(seed, stream);
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    hex: (length) => {
      let out = "";
      while (out.length < length) out += Math.floor(next() * 16).toString(16);
      return out;
    },
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError("Random.pick needs a non-empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

function mix(seed: number, stream: string): number {
  // FNV-1a over the stream name, folded with the seed, so streams of one seed are unrelated.
  let h = 0x811c9dc5 ^ (Math.trunc(seed) | 0);
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
