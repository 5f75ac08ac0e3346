export * from './service.ts';
export { unitPathOf } from './queries.ts';
export { importProvince, type ImportResult } from './import.ts';
