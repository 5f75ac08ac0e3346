/** What other modules may use: notify inside their transaction; the scheduler's e-mail task. */
export type { NotificationInput, NotifyContext } from './service.ts';
export { notifyUnits, notifyUsers } from './service.ts';
export { emailDeliveryTask } from './delivery.ts';
export { notification, emailOutbox } from './tables.ts';
