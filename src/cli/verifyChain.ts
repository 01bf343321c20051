import { runVerifyChain } from '../integrity/verifyChainCli';
import { openCliDatabase } from './database';
import type { CliIo } from './io';
import { loadCliConfig } from './session';

/**
 * `verify-chain`: the chain check of `npm run verify-chain`, on the log the app uses. With
 * neither DATABASE_URL nor EventStoreDB, and no app running on the embedded data folder,
 * that folder's server is started for the check (the standalone check leaves it alone).
 */
export async function verifyChainOnAppDatabase(io: CliIo, argv: string[]): Promise<number> {
  const config = loadCliConfig(io);
  if (config.eventStore === 'eventstoredb' || config.databaseUrl) return runVerifyChain(argv, io.env);
  const database = await openCliDatabase(config, (line) => io.err(`${line}\n`));
  try {
    return await runVerifyChain(argv, { ...io.env, DATABASE_URL: database.url });
  } finally {
    await database.close();
  }
}
