export * from './types.ts';
export * from './dates.ts';
export * from './timezone.ts';
export * from './lunar.ts';
export * from './holidays.ts';
export * from './calendar.ts';
export * from './periods.ts';
export * from './deadlines.ts';
