// The job contract: queue catalog, payload schemas and job ids. Above sites and extract (whose
// Site and record it carries), below db and pipeline (which produce and consume the jobs).
export * from './catalog.ts';
export * from './job-ids.ts';
export * from './payloads.ts';
