export * from './load-sites.ts';
export * from './site-schema.ts';
