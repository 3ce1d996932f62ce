import { pino, type Logger } from 'pino';

export type Log = Logger;

/** The process logger (JSON lines; one child per request carries the request id). */
export function createLogger(level: string): Log {
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}
