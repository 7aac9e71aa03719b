import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writerFor } from './output.ts';

/** A pipe whose reader is slow: every write completes on a later tick, the buffer holds 16 bytes. */
function slowPipe(received: string[]) {
  return new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, done) {
      received.push(chunk.toString());
      setImmediate(done);
    },
  });
}

describe('command output', () => {
  it('streams thousands of lines through a slow pipe with one error listener, in order', async () => {
    const received: string[] = [];
    const stream = slowPipe(received);
    const write = writerFor(stream);
    let warned = false;
    process.once('warning', () => {
      warned = true;
    });
    for (let i = 0; i < 3000; i++) await write(`line ${i}\n`);
    await new Promise((r) => stream.end(r));
    expect(received).toHaveLength(3000);
    expect(received[2999]).toBe('line 2999\n');
    expect(stream.listenerCount('error')).toBe(1);
    expect(warned).toBe(false);
  });

  it('rejects the waiting write when the reader goes away', async () => {
    const stream = new Writable({ highWaterMark: 1, write: () => undefined }); // never drains
    const write = writerFor(stream);
    const pending = write('more than one byte');
    stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(pending).rejects.toThrow(/EPIPE/);
    await expect(write('after')).rejects.toThrow(/EPIPE/);
  });
});
