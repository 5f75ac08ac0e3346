import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { openConfigured, runMain } from './bootstrap.ts';
import { systemClock } from './jobs/clock.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { publishSnapshotsTask } from './modules/analytics/publish-job.ts';
import { closeExpiredPeriodsTask, openPeriodsTask, remindersTask } from './modules/assignments/index.ts';
import { deleteExpiredSessions } from './modules/auth/sessions.ts';
import { emailDeliveryTask } from './modules/notifications/index.ts';
import { anyUserExists } from './modules/users/index.ts';
import { type DemoAccount, seedDemo } from './seed/demo.ts';

await runMain(async (config) => {
  const database = await openConfigured(config);
  let demo: DemoAccount[] = [];
  if (!(await anyUserExists(database.db))) {
    if (config.seedDemo) {
      demo = await seedDemo(database.db, { password: process.env.DEMO_PASSWORD, config });
    } else {
      console.log(
        'Cơ sở dữ liệu chưa có tài khoản nào. Tạo quản trị hệ thống đầu tiên bằng:\n  npm run units:import -- --province <mã tỉnh> --admin <tên đăng nhập>',
      );
    }
  }

  const app = await buildApp({ database, config });
  const sweep = setInterval(() => {
    const now = new Date();
    deleteExpiredSessions(database.db, now, new Date(now.getTime() - config.sessionIdleMinutes * 60_000)).catch((err: unknown) =>
      app.log.error({ err }, 'session sweep failed'),
    );
  }, 15 * 60_000);
  sweep.unref();

  // Opens periods, closes expired ones, reminds, delivers e-mail. Off in processes that only serve
  // requests; safe to run in several processes at once (the tasks take database locks).
  const scheduler = config.schedulerEnabled
    ? createScheduler(
        { db: database.db, config, clock: systemClock, log: app.log },
        [openPeriodsTask, closeExpiredPeriodsTask, remindersTask, emailDeliveryTask, publishSnapshotsTask],
        config.schedulerIntervalSeconds,
      )
    : null;

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(sweep);
    await scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  scheduler?.start();
  const url = `http://localhost:${config.port}`;
  console.log(
    `\nHệ thống thông tin báo cáo đang chạy tại ${url}  (CSDL: ${database.kind === 'pglite' ? `PGlite, ${database.location}` : database.location})`,
  );
  console.log(`Tài liệu API: ${url}/api/docs`);
  if (demo.length) {
    console.log('\nĐã khởi tạo dữ liệu mẫu: Thành phố Hải Phòng. Tài khoản mẫu (chỉ in ra lần khởi động đầu tiên):');
    const lines = demo.map((a) => `  ${a.username.padEnd(16)} ${a.password.padEnd(16)} ${a.roleLabel} — ${a.unitName}`);
    console.log(lines.join('\n'));
    if (database.kind === 'pglite') {
      const file = path.join(config.dataDir, 'demo-accounts.txt');
      writeFileSync(file, `Tài khoản mẫu (tên đăng nhập, mật khẩu, vai trò):\n${lines.join('\n')}\n`, { mode: 0o600 });
      console.log(`(Đã lưu vào ${file}; hãy đổi mật khẩu hoặc xóa tệp này khi dùng thật.)`);
    }
    console.log('');
  }
});
