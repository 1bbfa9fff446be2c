import '@fastify/cookie';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, MaybeActor } from '../../policy/index.js';
import { AppError } from '../errors.js';
import { metrics } from '../metrics.js';
import { pickLang, type Lang } from '../messages.js';
import type { CommandCtx } from '../context.js';
import { lookupSession, SESSION_COOKIE } from '../../modules/accounts/sessions.js';
import {
  defaultSecuritySettings,
  getSecuritySettings,
  type SecuritySettings,
} from '../../modules/settings/security.js';
import type { AppDeps } from './deps.js';

export const CSRF_COOKIE = 'bohou_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    actor: MaybeActor;
    sessionId: string | null;
    sessionExpired: boolean;
    mustChangePassword: boolean;
    lang: Lang;
  }
  interface FastifyContextConfig {
    /** The route stays reachable while the account must still change its first password. */
    allowDuringPasswordChange?: boolean;
    /** Anonymous visitors may call it; every other /api route needs a session (checked before validation). */
    public?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let cached: { at: number; value: SecuritySettings } | undefined;
/** Security settings, re-read at most every 5 s so each node sees a change quickly without a query per request. */
export async function currentSecurity(deps: AppDeps): Promise<SecuritySettings> {
  if (cached && Date.now() - cached.at < 5_000) return cached.value;
  const value = await getSecuritySettings(deps.db, defaultSecuritySettings(deps.config.sessionIdleMinutes));
  cached = { at: Date.now(), value };
  return value;
}
export function forgetSecurityCache(): void {
  cached = undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Per request: language, CSRF (double-submit: the `bohou_csrf` cookie must be echoed in the
 * `x-csrf-token` header on every unsafe request; SameSite=Strict keeps other sites from reading it),
 * then the session. An expired session is remembered so the error can say so.
 */
export function installRequestHooks(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('lang', 'zh-CN');

  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req.headers['accept-language']);
    const secure = app.deps.config.cookieSecure;
    let csrf = req.cookies[CSRF_COOKIE];
    if (!csrf) {
      csrf = randomBytes(24).toString('base64url');
      reply.setCookie(CSRF_COOKIE, csrf, { path: '/', sameSite: 'strict', httpOnly: false, secure });
    }
    if (!req.url.startsWith('/api/')) return;
    if (UNSAFE.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !req.cookies[CSRF_COOKIE] || !sameToken(header, csrf)) {
        throw new AppError('CSRF_FAILED');
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const security = await currentSecurity(app.deps);
    const found = await lookupSession(app.deps.db, token, security.sessionIdleMinutes);
    if (found.kind === 'ok') {
      req.actor = found.actor;
      req.sessionId = found.sessionId;
      req.mustChangePassword = found.mustChangePassword;
    } else {
      req.sessionExpired = found.kind === 'expired';
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });

  // Before validation, so an anonymous caller learns nothing from a body error (401, not 400), and an
  // account that must change its first password is stopped whatever it sent.
  app.addHook('preValidation', async (req) => {
    const route = req.routeOptions;
    if (!route.url || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config.public && !req.actor) requireActor(req);
    if (req.actor && req.mustChangePassword && !route.config.allowDuringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const labels = { method: req.method, route, status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // Only over TLS (directly, or behind a proxy that says so with TRUST_PROXY=1), or when the deployment
    // declares it serves HTTPS (COOKIE_SECURE=1): a browser must not pin HSTS for a plain-HTTP install.
    if (req.protocol === 'https' || app.deps.config.cookieSecure)
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
}

/**
 * Same-origin everything, no framing, no plugins. Styles may be inline because Ant Design writes its
 * CSS-in-JS into <style> elements; scripts may not (the built client has none inline).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The logged-in actor, or 401 (saying so when the session expired). */
export function requireActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}

const HALL_ENTITIES = new Set(['challenge', 'challenge_term', 'signup', 'solution', 'settings']);

/** Runs a command in one transaction, then wakes the outbox. */
export async function runCommand<T>(
  app: FastifyInstance,
  req: FastifyRequest,
  fn: (ctx: CommandCtx) => Promise<T>,
): Promise<T> {
  const { db, dialect } = app.deps;
  const touched = new Set<string>();
  const result = await db.transaction().execute((trx) =>
    fn({
      trx,
      dialect,
      actor: req.actor,
      ip: req.ip,
      userAgent: String(req.headers['user-agent'] ?? ''),
      touched,
    }),
  );
  // The public hall's cache is dropped only by changes it shows (postings, their sign-ups and matches, the
  // search dictionary, settings): an autosave, a login or an office's note leaves it warm.
  if ([...touched].some((t) => HALL_ENTITIES.has(t))) app.deps.publicCache.invalidate();
  app.deps.kickOutbox();
  return result;
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.cookieSecure,
  });
}
