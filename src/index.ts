// First: the compile cache must be on before the other modules load.
import './compileCache';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

/** Composition root: configuration, then the app; SIGTERM/SIGINT drain turns and close storage. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    // Last resort: a reply stuck on an unreachable channel must not keep the process alive forever.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 5000).unref();
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Säkerhetsguiden could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
