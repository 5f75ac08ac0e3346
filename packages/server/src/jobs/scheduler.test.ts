import { describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { ManualClock } from './clock.ts';
import { createScheduler } from './scheduler.ts';
import type { JobContext, ScheduledTask } from './types.ts';

function context() {
  const errors: { task: unknown; message: string }[] = [];
  const ctx: JobContext = {
    db: {} as Db,
    config: testConfig(),
    clock: new ManualClock('2026-01-05T03:00:00Z'),
    log: {
      info: () => {},
      warn: () => {},
      error: ((obj: { task: unknown; err: Error }) =>
        errors.push({ task: obj.task, message: obj.err.message })) as JobContext['log']['error'],
    },
  };
  return { ctx, errors };
}

/** A task that counts its runs and, while `gate` is set, waits for it. */
function countingTask(name: string, done = 1) {
  const task = {
    name,
    runs: 0,
    active: 0,
    maxActive: 0,
    gate: null as Promise<void> | null,
    async run() {
      task.runs++;
      task.active++;
      task.maxActive = Math.max(task.maxActive, task.active);
      try {
        if (task.gate) await task.gate;
        return { done };
      } finally {
        task.active--;
      }
    },
  };
  return task;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduler', () => {
  it('runs every task once per tick and reports what each did', async () => {
    const { ctx } = context();
    const a = countingTask('a', 2);
    const b = countingTask('b', 0);
    const nothing: ScheduledTask = { name: 'nothing', run: async () => {} };
    const scheduler = createScheduler(ctx, [a, b, nothing], 60);
    expect(await scheduler.runOnce()).toEqual({ a: 2, b: 0, nothing: 0 });
    expect([a.runs, b.runs]).toEqual([1, 1]);
  });

  it('logs a failing task and still runs the others', async () => {
    const { ctx, errors } = context();
    const before = countingTask('before');
    const after = countingTask('after');
    const failing: ScheduledTask = {
      name: 'failing',
      run: async () => {
        throw new Error('SMTP không phản hồi');
      },
    };
    const scheduler = createScheduler(ctx, [before, failing, after], 60);
    expect(await scheduler.runOnce()).toEqual({ before: 1, failing: 0, after: 1 });
    expect(errors).toEqual([{ task: 'failing', message: 'SMTP không phản hồi' }]);
  });

  it('never runs two ticks at once: a tick asked for during another waits for it', async () => {
    const { ctx } = context();
    const slow = countingTask('slow');
    let release!: () => void;
    slow.gate = new Promise((resolve) => (release = resolve));
    const scheduler = createScheduler(ctx, [slow], 60);
    const first = scheduler.runOnce();
    const second = scheduler.runOnce();
    await sleep(5);
    expect(slow.runs).toBe(1);
    release();
    expect(await first).toEqual({ slow: 1 });
    expect(await second).toEqual({ slow: 1 });
    expect(slow.maxActive).toBe(1);
    // Once the tick is over, another one runs.
    slow.gate = null;
    await scheduler.runOnce();
    expect(slow.runs).toBe(2);
  });

  it('start runs at once and then every interval, stop ends it and waits for the running tick', async () => {
    const { ctx } = context();
    const task = countingTask('tick');
    const scheduler = createScheduler(ctx, [task], 0.03);
    scheduler.start();
    scheduler.start();
    // The first tick starts at once (synchronously), and only one.
    expect(task.runs).toBe(1);
    while (task.runs < 3) await sleep(5);
    expect(task.maxActive).toBe(1);

    let release!: () => void;
    task.gate = new Promise((resolve) => (release = resolve));
    while (task.active === 0) await sleep(5);
    const runs = task.runs;
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(task.active).toBe(0);
    await sleep(100);
    expect(task.runs).toBe(runs);
  });
});
