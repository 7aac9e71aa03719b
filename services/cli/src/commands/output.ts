// Where a command's output goes: stdout, or a file with --out. Writes respect back-pressure, so
// large exports stream with flat memory.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

export type Output = {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
};

/**
 * Writes that wait for 'drain' when the stream's buffer is full. One 'error' listener for the
 * stream's life: a listener per write piled up faster than writes completed on a pipe
 * (MaxListenersExceededWarning on long exports).
 */
export function writerFor(stream: Writable): (chunk: string | Uint8Array) => Promise<void> {
  let failed: Error | undefined;
  let waiting: { resolve(): void; reject(err: Error): void } | undefined;
  stream.on('error', (err) => {
    failed = err;
    waiting?.reject(err);
  });
  stream.on('drain', () => waiting?.resolve());
  return (chunk) => {
    if (failed) return Promise.reject(failed);
    if (stream.write(chunk)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      waiting = {
        resolve: () => {
          waiting = undefined;
          resolve();
        },
        reject,
      };
    });
  };
}

let stdoutWriter: ((chunk: string | Uint8Array) => Promise<void>) | undefined;

export function openOutput(file?: string): Output {
  if (!file) {
    stdoutWriter ??= writerFor(process.stdout);
    return { write: stdoutWriter, close: async () => undefined };
  }
  const stream = createWriteStream(file);
  const write = writerFor(stream);
  return {
    write,
    close: () =>
      new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      }),
  };
}
