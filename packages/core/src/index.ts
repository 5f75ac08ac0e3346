import { z } from 'zod';

// Every validation message a user may read is Vietnamese, in the browser and on the server.
z.config(z.locales.vi());

export * from './text/vietnamese.ts';
export * from './text/format.ts';
export * from './units/kinds.ts';
export * from './access/roles.ts';
export * from './auth/password-policy.ts';
export * from './errors.ts';
export * from './api/index.ts';
export * from './forms/index.ts';
export * from './periods/index.ts';
export * from './regimes/index.ts';
export * from './workflow/index.ts';
export * from './aggregation/index.ts';
export * from './reports/index.ts';
export * from './analytics/index.ts';
