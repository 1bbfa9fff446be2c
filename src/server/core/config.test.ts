import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      sessionIdleMinutes: 30,
      trustProxy: false,
      logLevel: 'info',
      cookieSecure: false,
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/tmp/bohou',
        DATABASE_URL: 'postgresql://u@db:5432/bohou',
        SESSION_IDLE_MINUTES: '15',
        TRUST_PROXY: '1',
        LOG_LEVEL: 'warn',
        COOKIE_SECURE: '1',
      }),
    ).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/tmp/bohou',
      databaseUrl: 'postgresql://u@db:5432/bohou',
      sessionIdleMinutes: 15,
      trustProxy: true,
      logLevel: 'warn',
      cookieSecure: true,
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://x' }).databaseUrl).toBe('postgres://x');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc": must be a number'],
    [{ PORT: '70000' }, 'PORT="70000": must be between 1 and 65535'],
    [{ PORT: '0' }, 'PORT="0": must be between 1 and 65535'],
    [{ PORT: '80.5' }, 'PORT="80.5": must be a whole number'],
    [
      { DATABASE_URL: 'mysql://root@localhost/bohou' },
      'DATABASE_URL="mysql://root@localhost/bohou": must be a postgres:// or postgresql:// URL (leave it unset for SQLite)',
    ],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES="0": must be at least 1'],
    [{ SESSION_IDLE_MINUTES: '2000' }, 'SESSION_IDLE_MINUTES="2000": must be at most 1440'],
    [{ SESSION_IDLE_MINUTES: 'soon' }, 'SESSION_IDLE_MINUTES="soon": must be a number'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY="yes": must be 0 or 1'],
    [{ COOKIE_SECURE: 'true' }, 'COOKIE_SECURE="true": must be 0 or 1'],
    [
      { SIGNING_P12_PATH: '/nonexistent/seal.p12', SIGNING_P12_PASSPHRASE: 'x' },
      'SIGNING_P12_PATH="/nonexistent/seal.p12": no such file (leave it unset to use a development key in DATA_DIR)',
    ],
    [
      { SIGNING_P12_PATH: 'package.json' },
      'SIGNING_P12_PASSPHRASE="": must be set when SIGNING_P12_PATH is set',
    ],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(problems(env)).toEqual([message]);
  });

  it('refuses a bad LOG_LEVEL, naming it', () => {
    const [p] = problems({ LOG_LEVEL: 'loud' });
    expect(p).toMatch(/^LOG_LEVEL="loud": /);
  });

  it('reports every bad variable at once, in a message for the operator', () => {
    const env = { PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '0' };
    expect(problems(env)).toHaveLength(3);
    try {
      loadConfig(env);
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/^Invalid configuration:\n/);
      for (const v of ['PORT', 'DATABASE_URL', 'SESSION_IDLE_MINUTES']) expect(msg).toContain(`  - ${v}=`);
    }
  });

  it('reads the sealing key path and passphrase (unset: the development key)', () => {
    expect(loadConfig({}).signingP12Path).toBeUndefined();
    expect(loadConfig({ SIGNING_P12_PATH: 'package.json', SIGNING_P12_PASSPHRASE: 's' })).toMatchObject({
      signingP12Path: path.resolve('package.json'),
      signingP12Passphrase: 's',
    });
  });

  it('ignores unrelated variables', () => {
    expect(loadConfig({ HOME: '/root', NODE_ENV: 'test' }).port).toBe(3000);
  });
});
