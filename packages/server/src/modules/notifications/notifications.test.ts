import type { AddressInfo } from 'node:net';
import { asc, eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ManualClock } from '../../jobs/clock.ts';
import type { JobContext } from '../../jobs/types.ts';
import { createTestApp, loggedIn, type Client, type TestApp } from '../../test/app.ts';
import { backends } from '../../test/db.ts';
import { makeUnit, makeUser, systemContext } from '../../test/factories.ts';
import { changeUserStatus, getUser, updateUser } from '../users/index.ts';
import { backoffMinutes, MAX_ATTEMPTS } from './delivery.ts';
import { emailDeliveryTask, notifyUnits, notifyUsers, type NotificationInput } from './index.ts';
import { MAIL_FOOTER } from './mail.ts';
import { emailOutbox, notification } from './tables.ts';

const MINUTE = 60_000;

async function setEmail(db: Db, id: string, email: string) {
  const { version } = await getUser(db, systemContext(), id);
  await updateUser(db, systemContext(), id, { version, email });
}

async function disable(db: Db, id: string) {
  const { version } = await getUser(db, systemContext(), id);
  await changeUserStatus(db, systemContext(), id, 'disable', version);
}

/**
 * A province with two departments: A has a data-entry clerk and an approver (who work on its
 * reports), a viewer, a unit administrator and a disabled clerk (who must not be notified); B has
 * its own clerk; the system administrator and a report owner hold grants on the province (subtree).
 */
async function organisation(db: Db) {
  const province = await makeUnit(db, { name: 'UBND tỉnh thử' });
  const a = await makeUnit(db, { parentId: province.id, name: 'Sở Tài chính thử' });
  const b = await makeUnit(db, { parentId: province.id, name: 'Sở Y tế thử' });
  const user = (unitId: string, role: Parameters<typeof makeUser>[1]['grants'] & object, username: string) =>
    makeUser(db, { unitId, username, grants: role });
  const people = {
    entryA: await user(a.id, [{ role: 'data_entry', unitId: a.id }], 'nhaplieu.a'),
    approverA: await user(a.id, [{ role: 'approver', unitId: a.id }], 'lanhdao.a'),
    viewerA: await user(a.id, [{ role: 'viewer', unitId: a.id }], 'khaithac.a'),
    unitAdminA: await user(a.id, [{ role: 'unit_admin', unitId: a.id }], 'quantri.a'),
    disabledA: await user(a.id, [{ role: 'data_entry', unitId: a.id }], 'nghiviec.a'),
    entryB: await user(b.id, [{ role: 'data_entry', unitId: b.id }], 'nhaplieu.b'),
    admin: await user(province.id, [{ role: 'system_admin', unitId: province.id, includeSubtree: true }], 'quantri.he.thong'),
    ownerProvince: await user(province.id, [{ role: 'report_owner', unitId: province.id, includeSubtree: true }], 'chutri.tinh'),
  };
  for (const [key, p] of Object.entries(people)) await setEmail(db, p.id, `${key.toLowerCase()}@example.vn`);
  await disable(db, people.disabledA.id);
  return { units: { province: province.id, a: a.id, b: b.id }, people };
}

const reminder = (dedupeKey: string | null): NotificationInput => ({
  kind: 'deadline_soon',
  title: 'Sắp đến hạn: Báo cáo tình hình kinh tế – xã hội tháng 3/2026',
  body: 'Hạn gửi báo cáo là 17:00 ngày 20/03/2026. Vui lòng hoàn thành và gửi đúng hạn.',
  link: '/viec-can-lam',
  dedupeKey,
});

describe.each(backends)('notifications on %s', (backend) => {
  let t: TestApp;
  let db: Db;
  let org: Awaited<ReturnType<typeof organisation>>;
  const clock = new ManualClock('2026-03-16T02:00:00Z');
  const noMail = testConfig();
  const withMail = testConfig({ smtpUrl: 'smtp://127.0.0.1:2525', publicUrl: 'https://baocao.example.vn' });

  beforeAll(async () => {
    t = await createTestApp(backend, {}, { clock });
    db = t.database.db;
    org = await organisation(db);
  });
  afterAll(() => t.close());

  const recipientsOf = async (dedupeKey: string) =>
    (await db.select({ userId: notification.userId }).from(notification).where(eq(notification.dedupeKey, dedupeKey)))
      .map((r) => r.userId)
      .sort();

  describe('notifyUnits', () => {
    it("reaches exactly the active accounts with 'report.work' granted on the unit itself", async () => {
      const created = await db.transaction((tx) => notifyUnits(tx, { now: clock.now(), config: noMail }, [org.units.a], reminder('r-1')));
      expect(created).toBe(2);
      expect(await recipientsOf('r-1')).toEqual([org.people.entryA.id, org.people.approverA.id].sort());
    });

    it('reaches the workers of every unit given, once each', async () => {
      const created = await db.transaction((tx) =>
        notifyUnits(tx, { now: clock.now(), config: noMail }, [org.units.a, org.units.b, org.units.a], reminder('r-2')),
      );
      expect(created).toBe(3);
      expect(await recipientsOf('r-2')).toEqual([org.people.entryA.id, org.people.approverA.id, org.people.entryB.id].sort());
    });

    it('is idempotent per dedupe key: a reminder sent twice stays one', async () => {
      const ctx = { now: clock.now(), config: noMail };
      expect(await db.transaction((tx) => notifyUnits(tx, ctx, [org.units.a], reminder('r-3')))).toBe(2);
      expect(await db.transaction((tx) => notifyUnits(tx, ctx, [org.units.a, org.units.b], reminder('r-3')))).toBe(1);
      expect(await recipientsOf('r-3')).toEqual([org.people.entryA.id, org.people.approverA.id, org.people.entryB.id].sort());
      // Without a key every call notifies.
      const before = await db.select().from(notification).where(eq(notification.userId, org.people.entryB.id));
      expect(await db.transaction((tx) => notifyUnits(tx, ctx, [org.units.b], reminder(null)))).toBe(1);
      expect(await db.transaction((tx) => notifyUnits(tx, ctx, [org.units.b], reminder(null)))).toBe(1);
      const after = await db.select().from(notification).where(eq(notification.userId, org.people.entryB.id));
      expect(after.length - before.length).toBe(2);
    });

    it('creates nothing when the caller’s transaction rolls back', async () => {
      await expect(
        db.transaction(async (tx) => {
          await notifyUnits(tx, { now: clock.now(), config: withMail }, [org.units.a], reminder('r-rollback'));
          throw new Error('the announced change failed');
        }),
      ).rejects.toThrow('the announced change failed');
      expect(await recipientsOf('r-rollback')).toEqual([]);
    });

    it('queues e-mails only when SMTP is configured, for accounts with an address, with the link and footer', async () => {
      const outboxOf = async (dedupeKey: string) =>
        db
          .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject, text: emailOutbox.textBody, status: emailOutbox.status })
          .from(emailOutbox)
          .innerJoin(notification, eq(notification.id, emailOutbox.notificationId))
          .where(eq(notification.dedupeKey, dedupeKey))
          .orderBy(asc(emailOutbox.toAddress));

      await db.transaction((tx) => notifyUnits(tx, { now: clock.now(), config: noMail }, [org.units.a], reminder('m-1')));
      expect(await recipientsOf('m-1')).toHaveLength(2);
      expect(await outboxOf('m-1')).toEqual([]);

      // The approver has no address: a notification in the app, no e-mail.
      const { version } = await getUser(db, systemContext(), org.people.approverA.id);
      await updateUser(db, systemContext(), org.people.approverA.id, { version, email: null });
      try {
        await db.transaction((tx) => notifyUnits(tx, { now: clock.now(), config: withMail }, [org.units.a], reminder('m-2')));
        expect(await recipientsOf('m-2')).toHaveLength(2);
        const text = `${reminder(null).body}\n\nXem chi tiết: https://baocao.example.vn/viec-can-lam\n\n--\n${MAIL_FOOTER}`;
        expect(await outboxOf('m-2')).toEqual([{ to: 'entrya@example.vn', subject: reminder(null).title, text, status: 'pending' }]);
        // A repeated reminder queues no second e-mail either.
        await db.transaction((tx) => notifyUnits(tx, { now: clock.now(), config: withMail }, [org.units.a], reminder('m-2')));
        expect(await outboxOf('m-2')).toHaveLength(1);
      } finally {
        await setEmail(db, org.people.approverA.id, 'approvera@example.vn');
      }
    });
  });

  describe('notifyUsers', () => {
    it('notifies the given active accounts only', async () => {
      const ids = [org.people.viewerA.id, org.people.disabledA.id, org.people.admin.id];
      const created = await db.transaction((tx) => notifyUsers(tx, { now: clock.now(), config: noMail }, ids, reminder('u-1')));
      expect(created).toBe(2);
      expect(await recipientsOf('u-1')).toEqual([org.people.viewerA.id, org.people.admin.id].sort());
      expect(await db.transaction((tx) => notifyUsers(tx, { now: clock.now(), config: noMail }, [], reminder('u-2')))).toBe(0);
    });
  });

  describe('API', () => {
    let viewer: Client;
    let owner: Client;
    const titles: string[] = [];

    beforeAll(async () => {
      viewer = await loggedIn(t.app, org.people.viewerA.username, org.people.viewerA.password);
      owner = await loggedIn(t.app, org.people.ownerProvince.username, org.people.ownerProvince.password);
      // The viewer got 'u-1' above; three more, a minute apart.
      for (let i = 1; i <= 3; i++) {
        clock.advance(MINUTE);
        const title = `Thông báo số ${i}`;
        titles.push(title);
        await db.transaction((tx) =>
          notifyUsers(tx, { now: clock.now(), config: noMail }, [org.people.viewerA.id], {
            kind: 'workflow',
            title,
            body: `Nội dung thông báo số ${i}.`,
            link: i === 2 ? null : `/che-do/${i}`,
          }),
        );
      }
    });

    it('lists the own notifications, newest first, paged', async () => {
      const res = await viewer.get('/api/v1/notifications?pageSize=2');
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
      expect(page.items.map((n: { title: string }) => n.title)).toEqual(['Thông báo số 3', 'Thông báo số 2']);
      expect(page.items[0]).toEqual({
        id: expect.any(String),
        kind: 'workflow',
        title: 'Thông báo số 3',
        body: 'Nội dung thông báo số 3.',
        link: '/che-do/3',
        createdAt: new Date(clock.now()).toISOString(),
        readAt: null,
      });
      expect(page.items[1].link).toBeNull();
      const second = (await viewer.get('/api/v1/notifications?pageSize=2&page=2')).json();
      expect(second.items.map((n: { title: string }) => n.title)).toEqual(['Thông báo số 1', reminder(null).title]);
    });

    it('counts, marks one read (keeping the first reading time) and filters the unread ones', async () => {
      expect((await viewer.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 4 });
      const [latest] = (await viewer.get('/api/v1/notifications?pageSize=1')).json().items;

      clock.advance(MINUTE);
      const readAt = clock.now().toISOString();
      const read = await viewer.post(`/api/v1/notifications/${latest.id}/read`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({ id: latest.id, readAt });
      clock.advance(MINUTE);
      expect((await viewer.post(`/api/v1/notifications/${latest.id}/read`)).json().readAt).toBe(readAt);

      expect((await viewer.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 3 });
      const unread = (await viewer.get('/api/v1/notifications?unreadOnly=true')).json();
      expect(unread.total).toBe(3);
      expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(latest.id);
      expect(unread.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    });

    it("keeps accounts apart: nobody sees, counts or reads another account's notifications", async () => {
      const ownerList = (await owner.get('/api/v1/notifications')).json();
      expect(ownerList).toMatchObject({ total: 0, items: [] });
      expect((await owner.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });

      const viewerUnread = (await viewer.get('/api/v1/notifications?unreadOnly=true')).json().items[0];
      const res = await owner.post(`/api/v1/notifications/${viewerUnread.id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await owner.post('/api/v1/notifications/read-all')).json()).toEqual({ unread: 0 });
      expect((await viewer.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 3 });

      const unknown = await viewer.post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read');
      expect(unknown.statusCode).toBe(404);
      expect((await viewer.post('/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    });

    it('marks everything read at once', async () => {
      clock.advance(MINUTE);
      const res = await viewer.post('/api/v1/notifications/read-all');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ unread: 0 });
      const all = (await viewer.get('/api/v1/notifications')).json();
      expect(all.total).toBe(4);
      expect(all.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
      // The admin's own notification (u-1) is untouched by the viewer's read-all.
      const admin = await loggedIn(t.app, org.people.admin.username, org.people.admin.password);
      expect((await admin.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    });

    it('requires a session and the CSRF token', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications' });
      expect(anonymous.statusCode).toBe(401);
      const noCsrf = await viewer.request('POST', '/api/v1/notifications/read-all', {}, { csrf: false });
      expect(noCsrf.statusCode).toBe(403);
    });
  });
});

// ---- delivery over SMTP ------------------------------------------------------------------------

interface Received {
  from: string | undefined;
  to: string[];
  user: string | undefined;
  raw: string;
}

const SMTP_USER = 'baocao';
const SMTP_PASSWORD = 'smtp-Pa55-never-logged';

/** A real SMTP server on loopback that requires nothing but accepts the system's account. */
async function startSmtp(received: Received[]): Promise<{ port: number; stop(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 1000,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The message's header block, with folded lines unfolded. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/u)[0]!.replace(/\r?\n[ \t]+/gu, ' ');
  const map = new Map<string, string>();
  for (const line of head.split(/\r?\n/u)) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=); white space between two of them is dropped. */
function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/gu, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/gu, (_m, charset: string, enc: string, text: string) => {
      expect(charset.toLowerCase()).toBe('utf-8');
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text.replace(/_/gu, ' ').replace(/=([0-9A-F]{2})/giu, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return bytes.toString('utf8');
    });
}

/** The decoded text of a single-part message. */
function textOf(raw: string): string {
  const headers = headersOf(raw);
  expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/iu);
  // The SMTP DATA ends with the line break before the terminating dot; it is not part of the text.
  const body = raw
    .slice(raw.search(/\r?\n\r?\n/u))
    .replace(/^\r?\n\r?\n/u, '')
    .replace(/\r?\n$/u, '');
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/gu, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const unfolded = body.replace(/=\r?\n/gu, '');
    return Buffer.from(
      unfolded.replace(/=([0-9A-F]{2})/giu, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    )
      .toString('utf8')
      .replace(/\r\n/gu, '\n');
  }
  return body.replace(/\r\n/gu, '\n');
}

describe.each(backends)('e-mail delivery over SMTP on %s', (backend) => {
  let t: TestApp;
  let db: Db;
  let org: Awaited<ReturnType<typeof organisation>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const received: Received[] = [];
  const logged: unknown[][] = [];
  const clock = new ManualClock('2026-03-16T02:00:00Z');
  let job: JobContext;

  beforeAll(async () => {
    t = await createTestApp(backend, {}, { clock });
    db = t.database.db;
    org = await organisation(db);
    smtp = await startSmtp(received);
    const config = testConfig({
      smtpUrl: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${smtp.port}`,
      publicUrl: 'https://baocao.example.vn',
      mailFrom: 'Hệ thống thông tin báo cáo <no-reply@baocao.example.vn>',
    });
    const log =
      (level: string) =>
      (...args: unknown[]) =>
        void logged.push([level, ...args]);
    job = { db, config, clock, log: { info: log('info'), warn: log('warn'), error: log('error') } as unknown as JobContext['log'] };
  });
  afterAll(async () => {
    await smtp.stop().catch(() => undefined);
    await t.close();
  });

  const rowsOf = async (dedupeKey: string) =>
    db
      .select({ outbox: emailOutbox })
      .from(emailOutbox)
      .innerJoin(notification, eq(notification.id, emailOutbox.notificationId))
      .where(eq(notification.dedupeKey, dedupeKey))
      .orderBy(asc(emailOutbox.toAddress))
      .then((rows) => rows.map((r) => r.outbox));

  it('sends each queued e-mail once, in UTF-8, and marks it sent', async () => {
    const queuedAt = clock.now();
    await db.transaction((tx) => notifyUnits(tx, { now: queuedAt, config: job.config }, [org.units.a], reminder('d-1')));
    expect(await rowsOf('d-1')).toHaveLength(2);

    clock.advance(5_000);
    expect(await emailDeliveryTask.run(job)).toEqual({ done: 2 });
    expect(received).toHaveLength(2);
    expect(received.flatMap((m) => m.to).sort()).toEqual(['approvera@example.vn', 'entrya@example.vn']);
    for (const message of received) {
      expect(message.user).toBe(SMTP_USER);
      expect(message.from).toBe('no-reply@baocao.example.vn');
      const headers = headersOf(message.raw);
      expect(headers.get('to')).toBe(message.to[0]);
      // Non-ASCII headers travel as RFC 2047 encoded words and decode to the exact Vietnamese text.
      expect(headers.get('subject')).toMatch(/^=\?UTF-8\?[BQ]\?/iu);
      expect(decodeHeader(headers.get('subject')!)).toBe('Sắp đến hạn: Báo cáo tình hình kinh tế – xã hội tháng 3/2026');
      expect(decodeHeader(headers.get('from')!)).toBe('Hệ thống thông tin báo cáo <no-reply@baocao.example.vn>');
      expect(textOf(message.raw)).toBe(
        'Hạn gửi báo cáo là 17:00 ngày 20/03/2026. Vui lòng hoàn thành và gửi đúng hạn.\n\n' +
          'Xem chi tiết: https://baocao.example.vn/viec-can-lam\n\n' +
          `--\n${MAIL_FOOTER}`,
      );
    }
    const rows = await rowsOf('d-1');
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt?.toISOString(), r.lastError])).toEqual([
      ['sent', 0, clock.now().toISOString(), null],
      ['sent', 0, clock.now().toISOString(), null],
    ]);

    // A second run finds nothing to send.
    clock.advance(MINUTE);
    expect(await emailDeliveryTask.run(job)).toEqual({ done: 0 });
    expect(received).toHaveLength(2);
  });

  it('sends each e-mail once when two processes run the task at the same time', async () => {
    await db.transaction((tx) =>
      notifyUnits(tx, { now: clock.now(), config: job.config }, [org.units.a, org.units.b], reminder('d-concurrent')),
    );
    const before = received.length;
    const runs = await Promise.all([emailDeliveryTask.run(job), emailDeliveryTask.run(job), emailDeliveryTask.run(job)]);
    expect(runs.reduce((sum, r) => sum + (r?.done ?? 0), 0)).toBe(3);
    expect(
      received
        .slice(before)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(['approvera@example.vn', 'entrya@example.vn', 'entryb@example.vn']);
    expect((await rowsOf('d-concurrent')).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('does not send an e-mail before it is due', async () => {
    await db.transaction((tx) => notifyUsers(tx, { now: clock.now(), config: job.config }, [org.people.entryB.id], reminder('d-2')));
    clock.advance(-MINUTE);
    expect(await emailDeliveryTask.run(job)).toEqual({ done: 0 });
    clock.advance(MINUTE);
    expect(await emailDeliveryTask.run(job)).toEqual({ done: 1 });
    expect(received.at(-1)!.to).toEqual(['entryb@example.vn']);
  });

  it('retries with back-off while the server is down, then gives up after 10 attempts', async () => {
    await db.transaction((tx) => notifyUsers(tx, { now: clock.now(), config: job.config }, [org.people.entryB.id], reminder('d-3')));
    await smtp.stop();
    const sentBefore = received.length;

    const failedAt = clock.now();
    expect(await emailDeliveryTask.run(job)).toEqual({ done: 0 });
    let [row] = await rowsOf('d-3');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(row!.nextAttemptAt.toISOString()).toBe(new Date(failedAt.getTime() + MINUTE).toISOString());
    expect(row!.lastError).toBeTruthy();

    // Not due yet: nothing is tried.
    clock.advance(30_000);
    await emailDeliveryTask.run(job);
    expect((await rowsOf('d-3'))[0]!.attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      clock.set(row!.nextAttemptAt);
      const at = clock.now();
      await emailDeliveryTask.run(job);
      [row] = await rowsOf('d-3');
      expect(row!.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row!.status).toBe('pending');
        expect(row!.nextAttemptAt.getTime() - at.getTime()).toBe(backoffMinutes(attempt) * MINUTE);
      }
    }
    expect(backoffMinutes(1)).toBe(1);
    expect(backoffMinutes(3)).toBe(4);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, sentAt: null });
    expect(row!.lastError).toBeTruthy();

    clock.advance(24 * 60 * MINUTE);
    expect(await emailDeliveryTask.run(job)).toEqual({ done: 0 });
    expect((await rowsOf('d-3'))[0]!.attempts).toBe(MAX_ATTEMPTS);
    expect(received.length).toBe(sentBefore);
  });

  it('logs the recipient and the outcome, never the content or the SMTP password', async () => {
    const text = JSON.stringify(logged);
    expect(text).toContain('entrya@example.vn');
    expect(text).toContain('e-mail not sent; will retry');
    expect(text).toContain('e-mail failed for good');
    expect(text).not.toContain(SMTP_PASSWORD);
    expect(text).not.toContain('Hạn gửi báo cáo');
    const errors = await db
      .select({ lastError: emailOutbox.lastError })
      .from(emailOutbox)
      .where(inArray(emailOutbox.status, ['pending', 'failed']));
    expect(errors.some((e) => e.lastError?.includes(SMTP_PASSWORD))).toBe(false);
  });

  it('does nothing when SMTP is not configured', async () => {
    await db.transaction((tx) => notifyUsers(tx, { now: clock.now(), config: job.config }, [org.people.entryA.id], reminder('d-4')));
    expect(await emailDeliveryTask.run({ ...job, config: testConfig() })).toEqual({ done: 0 });
    expect((await rowsOf('d-4'))[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
