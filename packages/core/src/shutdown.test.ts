import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { onShutdown, resetShutdown, runShutdown, shutdownHandlerNames } from './shutdown.ts';

const log = pino({ level: 'silent' });
afterEach(() => resetShutdown());

describe('shutdown registry', () => {
  it('runs handlers last-registered first, once, and resolves 0', async () => {
    const ran: string[] = [];
    onShutdown('runtime', () => ran.push('runtime'));
    onShutdown('worker', async () => {
      await new Promise((r) => setTimeout(r, 5));
      ran.push('worker');
    });
    expect(shutdownHandlerNames()).toEqual(['worker', 'runtime']);
    const [a, b] = await Promise.all([runShutdown(log), runShutdown(log)]);
    expect([a, b]).toEqual([0, 0]);
    expect(ran).toEqual(['worker', 'runtime']);
  });

  it('keeps closing after a handler throws, and resolves 1', async () => {
    const ran: string[] = [];
    onShutdown('runtime', () => ran.push('runtime'));
    onShutdown('broken', () => {
      throw new Error('boom');
    });
    expect(await runShutdown(log)).toBe(1);
    expect(ran).toEqual(['runtime']);
  });

  it('resolves 1 when the deadline passes with a handler still running', async () => {
    onShutdown('stuck', () => new Promise(() => {}));
    const started = Date.now();
    expect(await runShutdown(log, 50)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
