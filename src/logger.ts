import pino from 'pino';

/** The service logger. Privacy rule: log ids, verbs, steps and timings, never message text or card inputs. */
export type Logger = pino.Logger;

/** Creates the JSON logger; `redact` is a second line of defence should a field with text slip in. */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { service: 'sakerhetsguiden' },
    redact: {
      paths: ['text', 'value', 'answers', '*.text', '*.value', '*.answers', 'authorization'],
      censor: '[redacted]',
    },
  });
}

/** A logger that drops everything (tests, CLI). */
export const silentLogger: Logger = pino({ level: 'silent' });
