import path from 'node:path';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type Database, DatabaseLockedError, openDatabase } from './db/client.ts';

/** Opens the configured database and applies migrations; shared by the server and the CLIs. */
export async function openConfigured(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'db') });
  await database.migrate();
  return database;
}

/** Runs a command-line entry point, printing known start-up failures as plain messages. */
export async function runMain(main: (config: Config) => Promise<void>): Promise<void> {
  try {
    await main(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
