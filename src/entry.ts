import { ConfigError, loadConfig, type TConfig } from './platform/config.js';

/** Loads the config or exits with a message naming the bad variables. */
export function configOrExit(): TConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
