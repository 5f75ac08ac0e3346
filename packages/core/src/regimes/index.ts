export * from './plan.ts';
export * from './timeliness.ts';
