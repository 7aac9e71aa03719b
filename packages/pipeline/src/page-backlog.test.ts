import { describe, expect, it } from 'vitest';
import { backlogLimits, gateOpen, pageBacklog } from './page-backlog.ts';

describe('page backlog gate', () => {
  const limits = backlogLimits(100);

  it('closes at the limit and opens again only at the resume mark', () => {
    expect(limits).toEqual({ max: 100, resumeAt: 75 });
    expect(gateOpen(true, 99, limits)).toBe(true);
    expect(gateOpen(true, 100, limits)).toBe(false);
    expect(gateOpen(false, 80, limits)).toBe(false); // no flapping around the limit
    expect(gateOpen(false, 75, limits)).toBe(true);
  });

  it('never closes without a limit', () => {
    expect(gateOpen(true, 1e9, backlogLimits(0))).toBe(true);
    expect(pageBacklog(async () => 1e9, backlogLimits(0)).open()).toBe(true);
  });

  it('counts pages this process queued at once, and a measurement replaces the estimate', async () => {
    let waiting = 98;
    const changes: boolean[] = [];
    const gate = pageBacklog(async () => waiting, limits, { onChange: (open) => changes.push(open) });
    expect(await gate.refresh()).toBe(true);
    gate.added();
    expect(gate.open()).toBe(true);
    gate.added(); // 100: closed before the next measurement
    expect(gate.last()).toBe(100);
    waiting = 60;
    expect(await gate.refresh()).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('keeps its last answer when the backlog cannot be measured', async () => {
    let fail = false;
    const errors: string[] = [];
    const gate = pageBacklog(
      async () => {
        if (fail) throw new Error('Connection is closed.');
        return 150;
      },
      limits,
      { onError: (err) => errors.push(err.message) },
    );
    expect(await gate.refresh()).toBe(false);
    fail = true;
    expect(await gate.refresh()).toBe(false);
    expect(errors).toEqual(['Connection is closed.']);
  });
});
