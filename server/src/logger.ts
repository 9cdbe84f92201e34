import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'adal-server' },
    // Never log credentials or session tokens.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'],
  });
}
