export * from './common.ts';
export * from './auth.ts';
export * from './units.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './catalogs.ts';
export * from './indicators.ts';
export * from './forms.ts';
