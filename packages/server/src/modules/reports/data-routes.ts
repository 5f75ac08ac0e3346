import type { App, Deps } from '../../http/types.ts';

/** Report data in and out: consolidation from subunits, Excel round trip, attachments. */
export function reportDataRoutes(app: App, deps: Deps): void {
  void app;
  void deps;
}
