// Leak checks: a suite snapshots the process's live timers, sockets and servers before it starts
// and proves, after it closed everything, that none of its own are left.

/** The resource kinds a suite can leak (as `process.getActiveResourcesInfo()` names them). */
const TRACKED = ["Timeout", "TCPServerWrap", "TCPSocketWrap", "PipeWrap"] as const;

/** Counts of each tracked resource kind. */
export type ResourceCounts = Record<(typeof TRACKED)[number], number>;

/** Counts the live timers, servers and sockets of this process. */
export function countResources(): ResourceCounts {
  const counts = Object.fromEntries(TRACKED.map((k) => [k, 0])) as ResourceCounts;
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind in counts) counts[kind as keyof ResourceCounts]++;
  }
  return counts;
}

/**
 * The resources still live beyond `baseline`, after giving closed sockets a moment to finish
 * closing (a socket closed by the peer is released on a later turn of the event loop).
 * Resolves to `{}` when nothing leaked.
 */
export async function leakedSince(baseline: ResourceCounts): Promise<Partial<ResourceCounts>> {
  let extra: Partial<ResourceCounts> = {};
  for (let i = 0; i < 100; i++) {
    const now = countResources();
    extra = {};
    for (const k of TRACKED) if (now[k] > baseline[k]) extra[k] = now[k] - baseline[k];
    if (Object.keys(extra).length === 0) return extra;
    await new Promise((r) => setTimeout(r, 20));
  }
  return extra;
}

/**
 * Collects unhandled rejections while a suite runs; vitest reports them too, but counting them
 * lets the suite print and assert the figure.
 */
export function trackUnhandledRejections(): { readonly count: number; stop(): void } {
  let count = 0;
  const onRejection = () => {
    count++;
  };
  process.on("unhandledRejection", onRejection);
  return {
    get count() {
      return count;
    },
    stop: () => process.off("unhandledRejection", onRejection),
  };
}
