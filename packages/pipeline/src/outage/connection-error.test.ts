import { describe, expect, it } from 'vitest';
import { looksLikeConnectionError } from './connection-error.ts';

describe('looksLikeConnectionError', () => {
  it.each([
    [
      'ioredis after its retries',
      new Error(
        'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.',
      ),
    ],
    ['ioredis closed', new Error('Connection is closed.')],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['Prisma P1001', Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' })],
    ['PostgreSQL shutting down (SQLSTATE 57P01)', Object.assign(new Error('terminating'), { code: '57P01' })],
    [
      'a cause two levels down',
      new Error('store failed', {
        cause: new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
      }),
    ],
  ])('%s is one', (_, err) => expect(looksLikeConnectionError(err)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a bad record', new Error('invalid store job: record.title: Required')],
    ['nothing', undefined],
  ])('%s is not', (_, err) => expect(looksLikeConnectionError(err)).toBe(false));
});
