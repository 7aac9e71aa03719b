import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export const gzipBase64 = (bytes: Uint8Array): string => gzipSync(bytes).toString('base64');
export const gunzip = (gz: Uint8Array): Buffer => gunzipSync(gz);
export const gunzipBase64 = (b64: string): Buffer => gunzip(Buffer.from(b64, 'base64'));
export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
