// `govwatch events`: the most recent outbox events; with --failed, webhook deliveries that were
// dead-lettered after their last attempt.
import { listDeliveries, recentEvents } from '@govwatch/db';
import { type Context, out } from '../context.ts';

export async function eventsCommand(
  ctx: Context,
  opts: { failed?: boolean; redeliver?: boolean; limit?: string; json?: boolean },
) {
  if (opts.redeliver) {
    const { redeliverDeadWebhooks } = await import('@govwatch/pipeline');
    const rt = await ctx.runtime();
    try {
      const { requeued } = await redeliverDeadWebhooks(rt);
      await out(opts.json ? JSON.stringify({ requeued }) : `requeued ${requeued} dead-lettered webhook deliveries`);
    } finally {
      await rt.close();
    }
    return;
  }
  const limit = Number(opts.limit ?? 20);
  if (!Number.isInteger(limit) || limit <= 0) throw new Error(`--limit: not a positive number: ${opts.limit}`);
  const rt = await ctx.database();
  try {
    if (opts.failed) {
      const rows = await listDeliveries(rt.db.prisma, { status: 'dead', limit });
      if (opts.json) {
        for (const r of rows) await out(JSON.stringify(r));
        return;
      }
      if (rows.length === 0) return void (await out('no dead-lettered webhook deliveries'));
      await out('event\ttype\treport\turl\tattempts\tlast status\tlast error\tgave up at');
      for (const r of rows) {
        await out(
          [
            r.eventId,
            r.eventType,
            r.reportId,
            r.url,
            r.attempts,
            r.lastStatus ?? '-',
            r.lastError ?? '',
            r.updatedAt.toISOString(),
          ].join('\t'),
        );
      }
      return;
    }
    const events = await recentEvents(rt.db.prisma, limit);
    if (opts.json) {
      for (const e of events) await out(JSON.stringify(e));
      return;
    }
    if (events.length === 0) return void (await out('no events yet'));
    await out('id\tcreated\ttype\treport\tversion\trelayed\ttitle');
    for (const e of events) {
      const p = e.payload;
      await out(
        [
          e.id,
          e.createdAt.toISOString(),
          e.type,
          e.reportId,
          p.version ?? '-',
          e.relayedAt ? 'yes' : 'no',
          p.title ?? '',
        ].join('\t'),
      );
    }
  } finally {
    await rt.close();
  }
}
