// Keeps the host slots this process's requests hold alive while they run: one timer per process,
// every third of the slot TTL, and one batch (one round trip) for every slot due. A slot is due
// once a third of its time has gone: a request that ends sooner (nearly all of them) costs no
// renewal at all. The times here are this process's clock, estimated low (from before the
// reservation was asked for), so a slot is never thought to live longer than it does in Redis.

/** Slot tokens to renew, by the key of their host's slot set. */
export type RenewalBatch = Map<string, string[]>;

type Held = { key: string; expiresAt: number };

/** The held slots a third or more of whose time has gone, grouped by slot set. Pure. */
export function dueForRenewal(held: ReadonlyMap<string, Held>, now: number, ttlMs: number): RenewalBatch {
  const batch: RenewalBatch = new Map();
  for (const [token, slot] of held) {
    if (slot.expiresAt - now >= (2 * ttlMs) / 3) continue;
    const tokens = batch.get(slot.key);
    if (tokens) tokens.push(token);
    else batch.set(slot.key, [token]);
  }
  return batch;
}

export type SlotRenewer = {
  /** `token` holds a slot of set `key` until `expiresAt` (performance.now() time) unless renewed. */
  hold(token: string, key: string, expiresAt: number): void;
  /** The slot was given back (or is about to be): no more renewals. */
  drop(token: string): void;
  /** Slots held now (for tests and metrics). */
  readonly size: number;
};

/**
 * `renew` extends every slot of the batch to `ttlMs` from now. A renewal that fails (Redis away)
 * does not touch the requests: it is tried again after `retryMs` while the slots are held, and a
 * slot whose time runs out meanwhile frees as a crashed holder's would.
 */
export function slotRenewer(
  ttlMs: number,
  renew: (batch: RenewalBatch) => Promise<unknown>,
  retryMs = 1_000,
): SlotRenewer {
  const held = new Map<string, Held>();
  const every = Math.max(1, Math.floor(ttlMs / 3));
  let timer: NodeJS.Timeout | null = null;
  let renewing = false;

  const schedule = (ms: number) => {
    if (timer || held.size === 0) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = async () => {
    timer = null;
    if (renewing) return;
    const asked = performance.now();
    const batch = dueForRenewal(held, asked, ttlMs);
    let failed = false;
    if (batch.size > 0) {
      renewing = true;
      try {
        await renew(batch);
        for (const tokens of batch.values())
          for (const token of tokens) {
            const slot = held.get(token);
            if (slot) slot.expiresAt = Math.max(slot.expiresAt, asked + ttlMs);
          }
      } catch {
        failed = true;
      } finally {
        renewing = false;
      }
    }
    schedule(failed ? Math.min(retryMs, every) : every);
  };

  return {
    hold(token, key, expiresAt) {
      held.set(token, { key, expiresAt });
      schedule(every);
    },
    drop(token) {
      held.delete(token);
      if (held.size === 0 && timer) {
        clearTimeout(timer);
        timer = null;
      }
    },
    get size() {
      return held.size;
    },
  };
}
