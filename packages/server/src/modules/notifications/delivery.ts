import type { JobContext, ScheduledTask } from '../../jobs/types.ts';
import { sendMail } from './mail.ts';
import * as q from './queries.ts';

const BATCH = 50;
export const MAX_ATTEMPTS = 10;
/** How long a claimed e-mail stays out of other runs' reach while this run sends it. */
const LEASE_MS = 15 * 60_000;
/** A run stops claiming time after this and gives the rest back (each send is bounded by the transport's timeouts). */
const RUN_BUDGET_MS = 5 * 60_000;

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, … */
export function backoffMinutes(failedAttempts: number): number {
  return 2 ** (failedAttempts - 1);
}

/**
 * Sends queued e-mails: up to 50 due ones per run, each once (see `claimDueEmails`). A failure is
 * retried with exponential back-off; after 10 attempts the e-mail is 'failed' with the last error.
 * Logs name the recipient and the outcome, never the content or the SMTP credentials.
 */
export const emailDeliveryTask: ScheduledTask = {
  name: 'email-delivery',
  async run(ctx: JobContext) {
    const { config, db, clock, log } = ctx;
    if (!config.smtpUrl) return { done: 0 };
    const startedAt = clock.now();
    const claimed = await q.claimDueEmails(db, {
      now: startedAt,
      leaseUntil: new Date(startedAt.getTime() + LEASE_MS),
      limit: BATCH,
    });
    const started = performance.now();
    let sent = 0;
    for (const [i, mail] of claimed.entries()) {
      if (performance.now() - started > RUN_BUDGET_MS) {
        await q.releaseClaims(
          db,
          claimed.slice(i).map((m) => m.id),
          clock.now(),
        );
        break;
      }
      try {
        await sendMail(config, { to: mail.toAddress, subject: mail.subject, text: mail.textBody });
        await q.markSent(db, mail.id, clock.now());
        sent++;
        log.info({ outboxId: mail.id, to: mail.toAddress }, 'e-mail sent');
      } catch (error) {
        const attempts = mail.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        const lastError = error instanceof Error ? error.message : String(error);
        const now = clock.now();
        await q.markAttemptFailed(db, mail.id, {
          attempts,
          status: failed ? 'failed' : 'pending',
          nextAttemptAt: failed ? now : new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
          lastError,
        });
        log.warn(
          { outboxId: mail.id, to: mail.toAddress, attempts, error: lastError },
          failed ? 'e-mail failed for good' : 'e-mail not sent; will retry',
        );
      }
    }
    return { done: sent };
  },
};
