/** Every module's tables, for the typed database handle and for drizzle-kit. */
export * from '../modules/units/tables.ts';
export * from '../modules/users/tables.ts';
export * from '../modules/access/tables.ts';
export * from '../modules/auth/tables.ts';
export * from '../modules/audit/tables.ts';
export * from '../modules/catalogs/tables.ts';
export * from '../modules/indicators/tables.ts';
export * from '../modules/forms/tables.ts';
export * from '../modules/regimes/tables.ts';
export * from '../modules/calendar/tables.ts';
export * from '../modules/assignments/tables.ts';
export * from '../modules/notifications/tables.ts';
export * from '../modules/reports/tables.ts';
export * from '../modules/signatures/tables.ts';
export * from '../modules/analytics/tables.ts';
