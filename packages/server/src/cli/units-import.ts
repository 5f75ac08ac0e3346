/**
 * npm run units:import -- --province <code> [--admin <username>]
 * Loads a province's People's Committee and all its communes (2025 units); with --admin, also
 * creates that province's first system administrator when the database has no account yet.
 */
import { parseArgs } from 'node:util';
import { openConfigured, runMain } from '../bootstrap.ts';
import { AppError } from '../http/errors.ts';
import { importProvince } from '../modules/units/index.ts';
import { anyUserExists, createSeedAccount, generateTemporaryPassword } from '../modules/users/index.ts';

await runMain(async (config) => {
  const { values } = parseArgs({ options: { province: { type: 'string' }, admin: { type: 'string' } } });
  if (!values.province) {
    console.error('Thiếu mã tỉnh. Cách dùng: npm run units:import -- --province 31 [--admin quantri]');
    process.exit(2);
  }
  const database = await openConfigured(config);
  try {
    const ctx = { actor: null, ip: null, userAgent: 'units:import' };
    const result = await importProvince(database.db, ctx, values.province);
    console.log(
      `${result.provinceName}: ${result.createdProvince ? 'đã tạo' : 'đã có'} đơn vị cấp tỉnh; ` +
        `thêm ${result.createdCommunes} xã, phường, đặc khu (đã có ${result.existingCommunes}).`,
    );
    if (values.admin) {
      if (await anyUserExists(database.db)) {
        console.log('Đã có tài khoản trong hệ thống: không tạo thêm quản trị hệ thống (hãy tạo trong giao diện quản trị).');
      } else {
        const password = generateTemporaryPassword();
        await database.db.transaction((tx) =>
          createSeedAccount(tx, ctx, {
            username: values.admin!.toLowerCase(),
            fullName: 'Quản trị hệ thống',
            unitId: result.provinceUnitId,
            password,
            grants: [{ role: 'system_admin', unitId: result.provinceUnitId, includeSubtree: true }],
            mustChangePassword: true,
          }),
        );
        console.log(`Đã tạo quản trị hệ thống "${values.admin}" với mật khẩu tạm: ${password} (phải đổi ở lần đăng nhập đầu).`);
      }
    }
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await database.close();
  }
});
