export * from './service.ts';
export { attemptLogin, changeOwnPassword, loadActor, type LoginAttempt, type LockoutPolicy } from './credentials.ts';
export { hashPassword } from './password.ts';
export { createSeedAccount, type SeedAccount } from './bootstrap.ts';
export { anyUserExists } from './queries.ts';
export { generateTemporaryPassword } from './password.ts';
