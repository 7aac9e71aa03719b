// The durable frontier of one crawl run (issue 16): which URLs the run has seen, which wait, which a
// crawl worker holds (leased), which are done, and the crawl's counters, in Redis under the queue
// prefix. Any number of crawl jobs (shards) of the run lease from it; a worker that dies loses only
// its leases, which expire and go back to pending. Each step that changes it is one Lua script
// (atomic, one round trip): a request's completion applies its counters exactly once, with the
// links its page yielded.
//
// Keys, all under `<prefix>:frontier:{<runId>}` (one Redis Cluster slot per run):
//   meta     hash: seeded, startedAt, queued (requests queued: the maxPages budget), finished (the
//            shard that claimed the end), handedOff (its crawlFinished job is queued), totals (the
//            run's final Totals as JSON, kept from the hand-off for `crawl --wait`)
//   req      hash: uniqueKey -> request JSON while pending or leased, '' once done or not queued
//            (every key seen: the run's dedupe)
//   pending  list of uniqueKeys;  leased: zset uniqueKey -> lease expiry (ms);  owner: hash uniqueKey -> lease token
//   lost     hash: uniqueKey -> leases of it that expired (a page that kills its worker every time)
//   stats    hash: the counters (CrawlStats field names, `error:<kind>`, incomplete, cutShort)
//   found    set: report links found;  handed: set: pages handed on (pagesQueued);  gone: set: 404/410
//   warn     set: warnings
import type { Redis } from 'ioredis';

/** A request as the frontier keeps it (what crawlee's Request is rebuilt from). */
export type FrontierRequest = {
  url: string;
  uniqueKey: string;
  method?: 'GET' | 'POST';
  payload?: string;
  userData: Record<string, unknown>;
  skipNavigation?: boolean;
};

/** A link found on a page: [key, 'l'ist | 'r'eport, allowed by robots 1|0, request JSON]. */
/** The third field: 1 to fetch, 0 disallowed by robots, 2 not due (revisit.ts): seen, not fetched. */
export type Child = [string, 'l' | 'r', 0 | 1 | 2, string];

/** What a page showed, true whoever holds its lease: applied even when the lease was lost. */
export type Findings = {
  children: Child[];
  /** Pages handed on (or found settled by an earlier attempt: 1), by canonical URL. */
  handed: Array<[string, 0 | 1]>;
  /** Report pages that answered 404/410. */
  gone: string[];
  /** List pages linked beyond maxDepth: discovery is incomplete unless the run knows them. */
  beyond: string[];
};

/** A request's own counters: applied only with its completion, by its lease holder. */
export type Counters = {
  /** CrawlStats numeric fields -> increments. */
  d: Record<string, number>;
  /** Errors by kind. */
  e: Record<string, number>;
  /** 1: this request made discovery incomplete. */
  inc: 0 | 1;
  w: string[];
};

/** Run totals the progress display needs (returned by every completion). */
export type Totals = { listPages: number; reportLinks: number; queued: number; unchanged: number; notDue: number };

export type FrontierState = {
  seeded: boolean;
  /** The shard that claimed the crawl's end, if any. */
  finishedBy: number | null;
  handedOff: boolean;
  pending: number;
  leased: number;
};

/** What the finishing shard reads to build the run's CrawlStats (frontier-stats.ts). */
export type FrontierSnapshot = {
  stats: Record<string, string>;
  meta: Record<string, string>;
  reportLinks: number;
  handed: number;
  seen: string[];
  warnings: string[];
};

export type Lease = { pending: number; leased: number; requests: FrontierRequest[] };

/** An idle run's frontier is kept this long after its last lease renewal, then Redis drops it. */
export const FRONTIER_TTL_S = 24 * 3600;
/** A request whose lease expired this many times (its worker died each time) is given up. */
export const MAX_LOST_LEASES = 5;

const PARTS = [
  'meta',
  'req',
  'pending',
  'leased',
  'owner',
  'lost',
  'stats',
  'found',
  'handed',
  'gone',
  'warn',
] as const;
type Part = (typeof PARTS)[number];

export function frontierKeys(prefix: string, runId: string): Record<Part, string> {
  const base = `${prefix}:frontier:{${runId}}`;
  return Object.fromEntries(PARTS.map((p) => [p, `${base}:${p}`])) as Record<Part, string>;
}

// Every script takes the keys in PARTS order, so K.<part> names them.
const KEYS_LUA = `local K = {} for i, p in ipairs({${PARTS.map((p) => `'${p}'`).join(',')}}) do K[p] = KEYS[i] end
`;
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

// Links: each key is looked at once per run (HSETNX on req); a new one is queued while the budget
// has room, else recorded as seen; a disallowed one is counted once.
const APPLY_FINDINGS = `
local function applyFindings(f, maxPages)
  for _, c in ipairs(f.c or {}) do
    local k = c[1]
    if c[2] == 'r' then redis.call('SADD', K.found, k) end
    if redis.call('HSETNX', K.req, k, '') == 1 then
      if c[3] == 0 then redis.call('HINCRBY', K.stats, 'robotsDisallowed', 1)
      elseif c[3] == 2 then redis.call('HINCRBY', K.stats, 'notDue', 1)
      elseif tonumber(redis.call('HGET', K.meta, 'queued') or '0') >= maxPages then
        redis.call('HSET', K.stats, 'cutShort', 1)
      else
        redis.call('HSET', K.req, k, c[4])
        redis.call('RPUSH', K.pending, k)
        redis.call('HINCRBY', K.meta, 'queued', 1)
      end
    end
  end
  for _, h in ipairs(f.h or {}) do
    if redis.call('SADD', K.handed, h[1]) == 1 and h[2] == 1 then redis.call('HINCRBY', K.stats, 'alreadySettled', 1) end
  end
  for _, g in ipairs(f.g or {}) do redis.call('SADD', K.gone, g) end
  for _, b in ipairs(f.b or {}) do
    if redis.call('HEXISTS', K.req, b) == 0 then redis.call('HSET', K.stats, 'incomplete', 1) end
  end
end
local function applyCounters(n)
  for field, v in pairs(n.d or {}) do redis.call('HINCRBY', K.stats, field, v) end
  for kind, v in pairs(n.e or {}) do redis.call('HINCRBY', K.stats, 'error:' .. kind, v) end
  if n.inc == 1 then redis.call('HSET', K.stats, 'incomplete', 1) end
  for _, w in ipairs(n.w or {}) do redis.call('SADD', K.warn, w) end
end
local function totals()
  local s = redis.call('HMGET', K.stats, 'listPagesFetched', 'notModified', 'unchangedBytes', 'notDue')
  return {tonumber(s[1] or '0'), redis.call('SCARD', K.found), redis.call('SCARD', K.handed),
    tonumber(s[2] or '0') + tonumber(s[3] or '0'), tonumber(s[4] or '0')}
end
local function expireAll(ttl) for _, k in ipairs(KEYS) do redis.call('EXPIRE', k, ttl) end end
`;

/** ARGV: maxPages, ttl, findings JSON, counters JSON. Returns 1 when it seeded, 0 when the run was seeded already. */
const SEED = `${KEYS_LUA}${NOW}${APPLY_FINDINGS}
if redis.call('HEXISTS', K.meta, 'seeded') == 1 then return 0 end
redis.call('HSET', K.meta, 'seeded', 1, 'startedAt', now)
applyFindings(cjson.decode(ARGV[3]), tonumber(ARGV[1]))
applyCounters(cjson.decode(ARGV[4]))
expireAll(tonumber(ARGV[2]))
return 1`;

/**
 * ARGV: token, max, leaseMs, maxLost. Expired leases (their holder died or stalled) go back to the
 * front of pending, or are given up after maxLost; then up to max requests are leased to token.
 * Returns {pending, leased, request JSONs}.
 */
const LEASE = `${KEYS_LUA}${NOW}
local token, max, leaseMs, maxLost = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if redis.call('HEXISTS', K.meta, 'seeded') == 0 then return {0, 0, {}} end -- lost (Redis lost its data)
for _, k in ipairs(redis.call('ZRANGEBYSCORE', K.leased, '-inf', now, 'LIMIT', 0, 100)) do
  if redis.call('HGET', K.owner, k) == token then
    redis.call('ZADD', K.leased, now + leaseMs, k) -- the caller is alive: its own lease is renewed
  else
    redis.call('ZREM', K.leased, k)
    redis.call('HDEL', K.owner, k)
    if redis.call('HINCRBY', K.lost, k, 1) > maxLost then
      redis.call('HSET', K.req, k, '')
      redis.call('HINCRBY', K.stats, 'error:workerLost', 1)
      redis.call('HSET', K.stats, 'incomplete', 1)
    else
      redis.call('LPUSH', K.pending, k)
    end
  end
end
local out = {}
if max > 0 then
  local keys = redis.call('LPOP', K.pending, max)
  if keys then
    for _, k in ipairs(keys) do
      local r = redis.call('HGET', K.req, k)
      if r and r ~= '' then
        redis.call('ZADD', K.leased, now + leaseMs, k)
        redis.call('HSET', K.owner, k, token)
        out[#out + 1] = r
      end
    end
  end
end
return {redis.call('LLEN', K.pending), redis.call('ZCARD', K.leased), out}`;

/**
 * ARGV: token, key ('' to apply findings only), maxPages, findings JSON, counters JSON, '1' for
 * the run's totals. The findings always apply; the request is done and its counters counted only
 * while token holds its lease (else whoever holds it now does that). Returns {1 done | 0 lease
 * lost, ...totals (or -1s)}.
 */
const COMPLETE = `${KEYS_LUA}${APPLY_FINDINGS}
local token, key = ARGV[1], ARGV[2]
-- A frontier Redis lost is not rebuilt piecemeal by late completions: the crawl starts it again.
if redis.call('HEXISTS', K.meta, 'seeded') == 0 then return {0, 0, 0, 0, 0, 0} end
applyFindings(cjson.decode(ARGV[4]), tonumber(ARGV[3]))
local done = 0
if key ~= '' and redis.call('HGET', K.owner, key) == token then
  redis.call('ZREM', K.leased, key)
  redis.call('HDEL', K.owner, key)
  redis.call('HSET', K.req, key, '')
  applyCounters(cjson.decode(ARGV[5]))
  done = 1
end
if ARGV[6] ~= '1' then return {done, -1, -1, -1, -1, -1} end
local t = totals()
return {done, t[1], t[2], t[3], t[4], t[5]}`;

/** ARGV: token, leaseMs, ttl, keys... Extends token's leases of those keys and the frontier's expiry. */
const RENEW = `${KEYS_LUA}${NOW}${APPLY_FINDINGS}
local n = 0
for i = 4, #ARGV do
  if redis.call('HGET', K.owner, ARGV[i]) == ARGV[1] then
    redis.call('ZADD', K.leased, 'XX', now + tonumber(ARGV[2]), ARGV[i])
    n = n + 1
  end
end
expireAll(tonumber(ARGV[3]))
return n`;

/** ARGV: token, keys... Token's leases of those keys go back to the front of pending (a worker stopping). */
const RELEASE = `${KEYS_LUA}
local n = 0
for i = #ARGV, 2, -1 do
  if redis.call('HGET', K.owner, ARGV[i]) == ARGV[1] then
    redis.call('ZREM', K.leased, ARGV[i])
    redis.call('HDEL', K.owner, ARGV[i])
    redis.call('LPUSH', K.pending, ARGV[i])
    n = n + 1
  end
end
return n`;

/** Returns the run's totals: {1, ...totals} while it crawls, {2, totals JSON} once handed off, {0} when there is no frontier. */
const TOTALS = `${KEYS_LUA}${APPLY_FINDINGS}
local m = redis.call('HMGET', K.meta, 'seeded', 'handedOff', 'totals')
if m[2] == '1' and m[3] then return {2, m[3]} end
if m[1] ~= '1' then return {0} end
local t = totals()
return {1, t[1], t[2], t[3], t[4], t[5]}`;

/** ARGV: ttl. Drops everything but meta, which keeps a marker that stops late shards and the run's final totals. */
const HAND_OFF = `${KEYS_LUA}${APPLY_FINDINGS}
local t = totals()
for _, k in ipairs(KEYS) do if k ~= K.meta then redis.call('DEL', k) end end
redis.call('HSET', K.meta, 'handedOff', 1, 'totals', cjson.encode(t))
redis.call('EXPIRE', K.meta, tonumber(ARGV[1]))
return 1`;

/** ARGV: shard. The crawl's end, claimed by exactly one shard: returns the claimer, '' while requests remain, '-' when the frontier is gone. */
const CLAIM_END = `${KEYS_LUA}
local f = redis.call('HGET', K.meta, 'finished')
if f then return f end
if redis.call('HEXISTS', K.meta, 'seeded') == 0 then return '-' end
if redis.call('LLEN', K.pending) > 0 or redis.call('ZCARD', K.leased) > 0 then return '' end
redis.call('HSET', K.meta, 'finished', ARGV[1])
return ARGV[1]`;

type Scripts = {
  govwatchFrontierSeed(...args: string[]): Promise<number>;
  govwatchFrontierLease(...args: string[]): Promise<[number, number, string[]]>;
  govwatchFrontierComplete(...args: string[]): Promise<[number, number, number, number, number, number]>;
  govwatchFrontierRenew(...args: string[]): Promise<number>;
  govwatchFrontierRelease(...args: string[]): Promise<number>;
  govwatchFrontierClaimEnd(...args: string[]): Promise<string>;
  govwatchFrontierTotals(...args: string[]): Promise<[number, ...Array<number | string>]>;
  govwatchFrontierHandOff(...args: string[]): Promise<number>;
};

const SCRIPTS = {
  govwatchFrontierSeed: SEED,
  govwatchFrontierLease: LEASE,
  govwatchFrontierComplete: COMPLETE,
  govwatchFrontierRenew: RENEW,
  govwatchFrontierRelease: RELEASE,
  govwatchFrontierClaimEnd: CLAIM_END,
  govwatchFrontierTotals: TOTALS,
  govwatchFrontierHandOff: HAND_OFF,
};

function withScripts(redis: Redis): Redis & Scripts {
  const client = redis as Redis & Scripts;
  for (const [name, lua] of Object.entries(SCRIPTS))
    if (!(name in client)) client.defineCommand(name, { numberOfKeys: PARTS.length, lua });
  return client;
}

const EMPTY_FINDINGS = '{}';
const EMPTY_COUNTERS = '{}';
const findingsJson = (f: Findings) => JSON.stringify({ c: f.children, h: f.handed, g: f.gone, b: f.beyond });

export class Frontier {
  readonly keys: Record<Part, string>;
  private readonly all: string[];
  private readonly redis: Redis & Scripts;

  constructor(
    redis: Redis,
    prefix: string,
    readonly runId: string,
  ) {
    this.redis = withScripts(redis);
    this.keys = frontierKeys(prefix, runId);
    this.all = PARTS.map((p) => this.keys[p]);
  }

  async state(): Promise<FrontierState> {
    const [meta, pending, leased] = (await this.redis
      .multi()
      .hmget(this.keys.meta, 'seeded', 'finished', 'handedOff')
      .llen(this.keys.pending)
      .zcard(this.keys.leased)
      .exec()
      .then((r) => (r ?? []).map(([err, v]) => (err ? Promise.reject(err) : v)))) as [
      Array<string | null>,
      number,
      number,
    ];
    return {
      seeded: meta[0] === '1',
      finishedBy: meta[1] ? Number(meta[1]) : null,
      handedOff: meta[2] === '1',
      pending,
      leased,
    };
  }

  /** Start the run's frontier with its entry points, unless it has been started: true when this call did. */
  async seed(maxPages: number, findings: Findings, counters: Counters): Promise<boolean> {
    const seeded = await this.redis.govwatchFrontierSeed(
      ...this.all,
      String(maxPages),
      String(FRONTIER_TTL_S),
      findingsJson(findings),
      JSON.stringify(counters),
    );
    return seeded === 1;
  }

  async lease(token: string, max: number, leaseMs: number): Promise<Lease> {
    const [pending, leased, raw] = await this.redis.govwatchFrontierLease(
      ...this.all,
      token,
      String(max),
      String(leaseMs),
      String(MAX_LOST_LEASES),
    );
    return { pending, leased, requests: raw.map((json) => JSON.parse(json) as FrontierRequest) };
  }

  /**
   * A request is done (key), or only findings to apply (key ''): returns whether token still held
   * it, and the run's totals when asked for (three more commands: progress wants a few a second).
   */
  async complete(
    token: string,
    key: string,
    maxPages: number,
    findings: Findings | null,
    counters: Counters | null,
    withTotals = false,
  ): Promise<{ done: boolean; totals: Totals | null }> {
    const [done, listPages, reportLinks, queued, unchanged, notDue] = await this.redis.govwatchFrontierComplete(
      ...this.all,
      token,
      key,
      String(maxPages),
      findings ? findingsJson(findings) : EMPTY_FINDINGS,
      counters ? JSON.stringify(counters) : EMPTY_COUNTERS,
      withTotals ? '1' : '0',
    );
    return { done: done === 1, totals: listPages < 0 ? null : { listPages, reportLinks, queued, unchanged, notDue } };
  }

  async renew(token: string, keys: string[], leaseMs: number): Promise<number> {
    return this.redis.govwatchFrontierRenew(...this.all, token, String(leaseMs), String(FRONTIER_TTL_S), ...keys);
  }

  async release(token: string, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    return this.redis.govwatchFrontierRelease(...this.all, token, ...keys);
  }

  /** Claim the crawl's end for shard: the claimer (maybe an earlier one), null while requests remain, 'lost' when Redis lost the frontier. */
  async claimEnd(shard: number): Promise<number | null | 'lost'> {
    const claimer = await this.redis.govwatchFrontierClaimEnd(...this.all, String(shard));
    if (claimer === '-') return 'lost';
    return claimer ? Number(claimer) : null;
  }

  async snapshot(): Promise<FrontierSnapshot> {
    const k = this.keys;
    const replies = await this.redis
      .multi()
      .hgetall(k.stats)
      .hgetall(k.meta)
      .scard(k.found)
      .scard(k.handed)
      .sdiff(k.found, k.gone)
      .smembers(k.warn)
      .exec();
    const values = (replies ?? []).map(([err, v]) => {
      if (err) throw err;
      return v;
    });
    const [stats, meta, reportLinks, handed, seen, warnings] = values as [
      Record<string, string>,
      Record<string, string>,
      number,
      number,
      string[],
      string[],
    ];
    return { stats, meta, reportLinks, handed, seen, warnings };
  }

  /**
   * The run's totals, whichever shards counted them (what `crawl --wait` shows): live while it
   * crawls, final once handed off, null before it is seeded or after Redis dropped it.
   */
  async totals(): Promise<Totals | null> {
    const [kind, ...rest] = await this.redis.govwatchFrontierTotals(...this.all);
    const values = kind === 2 ? (JSON.parse(String(rest[0])) as number[]) : kind === 1 ? rest.map(Number) : null;
    if (!values) return null;
    const [listPages = 0, reportLinks = 0, queued = 0, unchanged = 0, notDue = 0] = values;
    return { listPages, reportLinks, queued, unchanged, notDue };
  }

  /**
   * The crawlFinished job is queued: drop everything but a small marker that stops late shards
   * from crawling again, and the run's final totals (the run goes on in extract and store).
   */
  async handOff(): Promise<void> {
    await this.redis.govwatchFrontierHandOff(...this.all, String(FRONTIER_TTL_S));
  }

  /** Forget the run's frontier entirely (its run failed, or a finished crawl is to be crawled again). */
  async drop(): Promise<void> {
    await this.redis.del(...this.all);
  }
}
