import type { App, Deps } from '../../http/types.ts';

/** Placeholder registered by app.ts; the feature's routes are added here. */
export function timelinessRoutes(_app: App, _deps: Deps): void {}
