export * from './record.ts';
export { extract } from './extract.ts';
