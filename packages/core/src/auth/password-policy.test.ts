import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long password that is neither the username nor common', () => {
    expect(passwordProblems('Báo cáo tháng 11 đúng hạn', 'nhaplieu.xa')).toEqual([]);
  });

  it('needs at least 10 characters, counting Vietnamese letters as one each', () => {
    expect(passwordProblems('Ngắn', 'abc')).toEqual(['Mật khẩu phải có ít nhất 10 ký tự.']);
    expect(passwordProblems('Đặng Thị Ạ', 'abc')).toEqual([]);
  });

  it('refuses a password containing the username, even with other case or diacritics', () => {
    expect(passwordProblems('Xin chào QuanTri 2026', 'quantri')).toContain('Mật khẩu không được chứa tên đăng nhập.');
    expect(passwordProblems('quảntrị-2026-mới', 'quantri')).toContain('Mật khẩu không được chứa tên đăng nhập.');
  });

  it('refuses common passwords', () => {
    expect(passwordProblems('Password123', 'abc')).toEqual(['Mật khẩu quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.']);
    expect(passwordProblems('1234567890', 'abc')).toHaveLength(1);
  });
});
