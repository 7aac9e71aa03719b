// Where a command's output goes: stdout, or a file with --out. Writes respect back-pressure, so
// large exports stream with flat memory.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

export type Output = {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
};

function writeTo(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    stream.once('error', onError);
    const flushed = stream.write(chunk, () => stream.off('error', onError));
    if (flushed) resolve();
    else stream.once('drain', resolve);
  });
}

export function openOutput(file?: string): Output {
  if (!file) {
    return { write: (chunk) => writeTo(process.stdout, chunk), close: async () => undefined };
  }
  const stream = createWriteStream(file);
  return {
    write: (chunk) => writeTo(stream, chunk),
    close: () =>
      new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      }),
  };
}
