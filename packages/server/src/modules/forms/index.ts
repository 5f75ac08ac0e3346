/** What other modules (regimes, reports) may use of forms: reading a published version. */
export { getForm, getVersion } from './service.ts';
export { form, formVersion, formShare } from './tables.ts';
export { createForm, publishDraft } from './service.ts';
export { shareForm } from './library.ts';
export { listForms } from './service.ts';
