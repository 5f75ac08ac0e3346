import type { App, Deps } from '../../http/types.ts';

/** The public portal's HTML pages (/cong-khai), outside the API prefix. Placeholder. */
export function publicPortalPages(_app: App, _deps: Deps): void {}
