import type { JobContext, ScheduledTask } from './types.ts';

export interface Scheduler {
  /** Runs every task now, then again every interval until stopped. */
  start(): void;
  /** Stops the timer and waits for a run in progress to end. */
  stop(): Promise<void>;
  /** Runs every task once (what a tick does); while a run is in progress, waits for it instead of starting another. */
  runOnce(): Promise<Record<string, number>>;
}

/**
 * Runs small periodic tasks in this process, one after another. Runs never overlap: the next one
 * is timed from the end of the last. A task that throws is logged and the others still run; the
 * timer does not keep the process alive. Tasks are idempotent and take their own database locks,
 * so two processes running a scheduler at once do no harm.
 */
export function createScheduler(ctx: JobContext, tasks: ScheduledTask[], intervalSeconds: number): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Record<string, number>> | undefined;
  let started = false;

  async function runAll(): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    for (const task of tasks) {
      const startedAt = Date.now();
      try {
        const result = await task.run(ctx);
        done[task.name] = result?.done ?? 0;
        if (done[task.name]) ctx.log.info({ task: task.name, done: done[task.name], ms: Date.now() - startedAt }, 'scheduled task done');
      } catch (err) {
        done[task.name] = 0;
        ctx.log.error({ err, task: task.name }, 'scheduled task failed');
      }
    }
    return done;
  }

  function runOnce(): Promise<Record<string, number>> {
    if (!running) {
      running = runAll().finally(() => {
        running = undefined;
      });
    }
    return running;
  }

  function schedule(): void {
    if (!started) return;
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce().finally(schedule);
    }, intervalSeconds * 1000);
    timer.unref();
  }

  return {
    start() {
      if (started) return;
      started = true;
      void runOnce().finally(schedule);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (running) await running;
    },
    runOnce,
  };
}
