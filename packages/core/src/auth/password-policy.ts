import { foldDiacritics } from '../text/vietnamese.ts';

export const PASSWORD_MIN_LENGTH = 10;

/** A short list of passwords that attackers try first (and that people in offices choose). */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  'abcd123456',
  'abc1234567',
  'password12',
  'password123',
  'password@123',
  'passw0rd123',
  'qwertyuiop',
  'qwerty1234',
  'qwerty123456',
  'admin12345',
  'admin@1234',
  'admin@12345',
  'administrator',
  'matkhau123',
  'matkhau@123',
  'matkhau1234',
  'vietnam123',
  'vietnam@123',
  'iloveyou123',
  'abc@123456',
  'a123456789',
  '123456789a',
  '123456789@',
  'welcome123',
  'changeme123',
  'baocao@123',
  'baocao12345',
]);

/**
 * The reasons a new password is refused, in Vietnamese; empty when it is acceptable.
 * Policy: at least 10 characters, not containing the username, not a common password.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push(`Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`);
  }
  const plain = foldDiacritics(password).toLowerCase();
  const user = foldDiacritics(username).toLowerCase().trim();
  if (user.length >= 3 && plain.includes(user)) {
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  }
  if (COMMON_PASSWORDS.has(plain)) {
    problems.push('Mật khẩu quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.');
  }
  return problems;
}
