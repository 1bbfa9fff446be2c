import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CryptoProfile } from './crypto.js';

/**
 * Configuration comes from the environment only. Each bad value is reported by name with the reason,
 * and the process refuses to start (see `loadConfig`).
 */
const ConfigSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL (leave it unset for SQLite)')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440')
    .default(30),
  TRUST_PROXY: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPLOAD_MAX_MB: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(20),
  REVIEW_REMINDER_DAYS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(90, 'must be at most 90')
    .default(5),
  HALL_CACHE_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(300, 'must be at most 300')
    .default(3),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).default('博后通 <noreply@bohou.local>'),
  LOGIN_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000')
    .default(20),
  COOKIE_SECURE: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0'),
  SIGNING_P12_PATH: z
    .string()
    .refine((p) => fs.existsSync(p), 'no such file (leave it unset to use a development key in DATA_DIR)')
    .optional(),
  SIGNING_P12_PASSPHRASE: z.string().optional(),
  JOBS_EVERY_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(86_400, 'must be at most 86400')
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CRYPTO_PROFILE: z
    .enum(['intl', 'gm'], { error: 'must be intl (SHA-256, AES-256-GCM) or gm (国密 SM3, SM4)' })
    .default('intl'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionIdleMinutes: number;
  trustProxy: boolean;
  logLevel: string;
  cookieSecure: boolean;
  uploadMaxMb: number;
  reviewReminderDays: number;
  /** How long a public hall response may be served from a node's cache (0: off). */
  hallCacheSeconds: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  loginLimitPerMinute: number;
  /** The platform's PDF sealing key (PKCS#12); unset: a development key generated in DATA_DIR. */
  signingP12Path: string | undefined;
  signingP12Passphrase: string | undefined;
  /** International (SHA-256, AES-256-GCM) or 国密 (SM3, SM4): fixed at first start (core/crypto-profile.ts). */
  cryptoProfile: CryptoProfile;
  /** Bearer token for /metrics; unset: only direct (unproxied) loopback requests may scrape. */
  metricsToken: string | undefined;
  /** Drills and tests: run every scheduled job at this interval instead of its own. */
  jobsEverySeconds: number | undefined;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '?');
        return `${key}=${JSON.stringify(picked[key] ?? '')}: ${i.message}`;
      }),
    );
  }
  const c = parsed.data;
  if (c.SIGNING_P12_PATH && c.SIGNING_P12_PASSPHRASE === undefined)
    throw new ConfigError(['SIGNING_P12_PASSPHRASE="": must be set when SIGNING_P12_PATH is set']);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    trustProxy: c.TRUST_PROXY === '1',
    logLevel: c.LOG_LEVEL,
    cookieSecure: c.COOKIE_SECURE === '1',
    uploadMaxMb: c.UPLOAD_MAX_MB,
    reviewReminderDays: c.REVIEW_REMINDER_DAYS,
    hallCacheSeconds: c.HALL_CACHE_SECONDS,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
    loginLimitPerMinute: c.LOGIN_LIMIT_PER_MINUTE,
    signingP12Path: c.SIGNING_P12_PATH ? path.resolve(c.SIGNING_P12_PATH) : undefined,
    signingP12Passphrase: c.SIGNING_P12_PASSPHRASE,
    cryptoProfile: c.CRYPTO_PROFILE,
    metricsToken: c.METRICS_TOKEN,
    jobsEverySeconds: c.JOBS_EVERY_SECONDS,
  };
}

/** For entry points (server, command-line tools): the config, or a clear message and exit code 2. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
