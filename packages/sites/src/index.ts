export * from './site-schema.ts';
export * from './load-sites.ts';
