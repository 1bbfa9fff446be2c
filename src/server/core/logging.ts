/** Where pino writes (stdout by default). */
export interface LogStream {
  write(line: string): void;
}

/**
 * The structured log: JSON lines with the request id (`reqId`) on every line of a request. Request lines
 * carry method, URL and address only; should a line ever carry headers or a body, secrets and personal
 * data are censored (issue #9: secrets never logged, ID numbers and phones masked in logs).
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body.password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.idNumber',
  '*.phone',
  '*.*.password',
  '*.*.idNumber',
  '*.*.phone',
];

export function loggerOptions(level: string, stream?: LogStream) {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(stream ? { stream } : {}),
  };
}
