export * from './config.ts';
export * from './logger.ts';
export * from './queues.ts';
export * from './gzip.ts';
export * from './shutdown.ts';
export * from './canonical-url.ts';
export * from './check-redis.ts';
export * from './process-entry.ts';
