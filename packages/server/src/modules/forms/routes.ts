import type { App, Deps } from '../../http/types.ts';

export function formRoutes(_app: App, _deps: Deps): void {
  // Routes of this module are registered here.
}
