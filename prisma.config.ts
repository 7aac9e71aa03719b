// Prisma CLI configuration for a binary-free toolchain: migrations run on the WebAssembly schema
// engine through the pg driver adapter, so nothing is downloaded (see ../shared/OFFLINE.md).
// Each workaround below names the upstream problem it exists for.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

// Without a resolvable env("DATABASE_URL") the CLI silently falls back to downloading a query engine.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/govwatch';
const url = new URL(process.env.DATABASE_URL);

// Discrete fields, not a connection string: with a string adapter-pg gives the shadow database the
// main database's name. allowExitOnIdle: the CLI never ends the pool itself.
const pgConfig = {
  host: url.hostname,
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username) || 'postgres',
  password: decodeURIComponent(url.password) || undefined,
  database: url.pathname.slice(1) || 'govwatch',
  allowExitOnIdle: true,
};

// The wasm schema engine reads catalog columns of type name (19) and "char" (18), and arrays of
// them, which adapter-pg cannot deserialize (prisma/orm#27403): present them as text.
const TEXT_FOR: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
type Field = { dataTypeID: number };
const resultProto = (pg as unknown as { Result: { prototype: { addFields(f: Field[]): void } } }).Result.prototype;
const addFields = resultProto.addFields;
resultProto.addFields = function (fields: Field[]) {
  for (const f of fields) f.dataTypeID = TEXT_FOR[f.dataTypeID] ?? f.dataTypeID;
  return addFields.call(this, fields);
};

// The engine leaves 10 s / 60 s timers armed, so the CLI would linger a minute after finishing.
const armTimer = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = armTimer(fn, ms, ...args);
  if ((ms ?? 0) >= 5000) timer.unref();
  return timer;
}) as typeof setTimeout;

async function admin(sql: string) {
  const client = new pg.Client({ ...pgConfig, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// adapter-pg drops its shadow database (migrate dev / diff) before closing the pool, which fails:
// create and drop our own.
class MigrateAdapter extends PrismaPg {
  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await admin(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...pgConfig, database: name }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new MigrateAdapter(pgConfig),
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
