export * from './client.ts';
export * from './runs.ts';
export * from './migrate.ts';
