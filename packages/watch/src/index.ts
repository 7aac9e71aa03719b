export * from './agency-name.ts';
export * from './compare-parts.ts';
export * from './deadline.ts';
export * from './report-parts.ts';
export * from './watch-table.ts';
