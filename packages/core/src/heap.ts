// The heap of a long-running process (workers, API). V8 lets the old generation grow up to four
// times what survived the last full collection before it collects again, when the machine has
// memory to spare: the store worker reached 320 MB of RSS on 47 MB of live objects, the extract
// worker 230 MB on 39 MB (pipeline benchmark, issue 13). Half again as much bounds RSS near the
// live set (store 285 → 195 MB, extract 208 → 147, crawl 486 → 325 on 2,000 pages); the extra full
// collections cost a few percent of the workers' CPU (their GC pauses 0.7 → 1.8 s in that run).
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** The flag to set, or null when node was started with a growth setting of its own. */
export function heapGrowthFlag(execArgv: readonly string[] = process.execArgv): string | null {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return null;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Collect garbage before the heap grows past 1.5 × the live set. Call it first thing in a
 * long-running process (V8 reads the setting after every full collection, so setting it at run
 * time works; `node --heap-growing-percent=N` overrides it).
 */
export function boundHeapGrowth(): void {
  const flag = heapGrowthFlag();
  if (flag) setFlagsFromString(flag);
}
