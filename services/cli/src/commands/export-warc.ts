// `govwatch export --format warc --site ID`: a site's archived raw snapshots as a WARC 1.1 file.
// Records come from warcio (Webrecorder's library): a warcinfo record first, then for each snapshot
// a response record (the archived body behind a reconstructed HTTP header) and a request record,
// linked both ways with WARC-Concurrent-To. Digests are sha256, so a response's
// WARC-Payload-Digest is `sha256:` + the snapshot's own content address.
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { type PrismaClient, type Snapshot, siteSnapshotRefs, withSnapshotBytes } from '@govwatch/db';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Output } from './output.ts';

const WARC_1_1 = 'WARC/1.1';
const serializeOptions = { gzip: false, digest: { algo: 'sha-256', prefix: 'sha256:', base32: false } };

export type WarcOptions = { siteId: string; userAgent: string; filename: string; gzip?: boolean };

const recordId = () => `<urn:uuid:${randomUUID()}>`;

function requestTarget(url: URL): string {
  return `${url.pathname || '/'}${url.search}`;
}

/** Response and request records of one snapshot. The archive keeps the body and its Content-Type, not the headers. */
export function snapshotRecords(s: Snapshot, body: Uint8Array, userAgent: string): WARCRecord[] {
  const url = new URL(s.url);
  const date = s.fetchedAt.toISOString();
  const responseId = recordId();
  const requestId = recordId();
  const response = WARCRecord.create(
    {
      url: s.url,
      date,
      type: 'response',
      warcVersion: WARC_1_1,
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: {
        ...(s.contentType ? { 'Content-Type': s.contentType } : {}),
        'Content-Length': String(body.length),
      },
      warcHeaders: { 'WARC-Record-ID': responseId, 'WARC-Concurrent-To': requestId },
    },
    [body],
  );
  const request = WARCRecord.create(
    {
      url: s.url,
      date,
      type: 'request',
      warcVersion: WARC_1_1,
      statusline: `GET ${requestTarget(url)} HTTP/1.1`,
      httpHeaders: { Host: url.host, 'User-Agent': userAgent, Accept: '*/*' },
      warcHeaders: { 'WARC-Record-ID': requestId, 'WARC-Concurrent-To': responseId },
    },
    [],
  );
  return [response, request];
}

export async function writeSiteWarc(
  prisma: PrismaClient,
  output: Output,
  opts: WarcOptions,
): Promise<{ snapshots: number }> {
  const refs = await siteSnapshotRefs(prisma, opts.siteId);
  const serialize = async (record: WARCRecord) =>
    output.write(await WARCSerializer.serialize(record, { ...serializeOptions, gzip: opts.gzip ?? false }));
  await serialize(
    WARCRecord.createWARCInfo(
      { filename: opts.filename, warcVersion: WARC_1_1 },
      {
        software: opts.userAgent,
        format: 'WARC File Format 1.1',
        conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
        isPartOf: opts.siteId,
        description:
          'govwatch raw snapshot archive. Response bodies are the bytes as fetched (after transfer/content decoding); ' +
          'HTTP headers are reconstructed: status 200, Content-Type as served, Content-Length of the body.',
      },
    ),
  );
  let snapshots = 0;
  for await (const s of withSnapshotBytes(prisma, refs)) {
    const body = new Uint8Array(gunzipSync(s.gzip));
    for (const record of snapshotRecords(s, body, opts.userAgent)) await serialize(record);
    snapshots++;
  }
  return { snapshots };
}
