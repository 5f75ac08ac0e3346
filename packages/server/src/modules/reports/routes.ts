import type { App, Deps } from '../../http/types.ts';

/** Reports: opening, reading, saving, the workflow, versions and differences, lists. */
export function reportRoutes(app: App, deps: Deps): void {
  void app;
  void deps;
}
