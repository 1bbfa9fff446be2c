import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';
import {
  errorMessages,
  fieldMessage,
  interpolate,
  pickLang,
  readableParams,
  type Lang,
} from '../messages.js';
import { toFieldErrors } from './zod-issues.js';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Array<{ path: string; code: string; message: string }>;
    /** On an internal error: the request id in the server's log, for the user to quote to support. */
    requestId?: string;
  };
}

export function renderError(err: AppError, lang: Lang): ErrorBody {
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: interpolate(errorMessages[err.code][lang], readableParams(err.params, lang)),
    },
  };
  if (err.fields.length > 0) {
    body.error.fields = err.fields.map((f: FieldError) => ({
      path: f.path,
      code: f.key,
      message: interpolate(fieldMessage(f.key, lang), f.params),
    }));
  }
  return body;
}

/** A unique-constraint violation from either engine: a concurrent duplicate the guards could not see. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The database is down or restarting (PostgreSQL: refused or dropped connections, shutdown and
 * start-up states; SQLite: locked past the busy timeout). The pool reconnects by itself once it is back.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'SQLITE_BUSY',
]);
function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  return (
    typeof e.message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message)
  );
}

/** Maps anything thrown to the one error shape; unknown errors are logged and become INTERNAL. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    return new AppError('VALIDATION_FAILED', {}, toFieldErrors(err.validation));
  }
  if (isUniqueViolation(err)) return new AppError('DUPLICATE');
  const fe = err as Partial<FastifyError>;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err instanceof SyntaxError
  ) {
    return new AppError('BAD_JSON');
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('BAD_JSON');
  if (fe.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'required' }]);
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('FILE_TOO_LARGE', { maxMb: 0 });
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (isDatabaseUnavailable(err)) return new AppError('DB_UNAVAILABLE');
  // PostgreSQL cannot store a NUL character (SQLite can): text holding one is bad input, not a server fault.
  if (fe.code === '22021' || fe.code === '22P05') return new AppError('INVALID_CHARACTERS');
  // The disk (or quota) is full while storing a file: the transaction rolls back, the user is told.
  if (fe.code === 'ENOSPC' || fe.code === 'EDQUOT') return new AppError('STORAGE_FULL');
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(req.headers['accept-language']);
    const appErr = toAppError(err);
    if (!appErr) {
      req.log.error({ err }, 'unhandled error');
      const body = renderError(new AppError('INTERNAL'), lang);
      body.error.requestId = req.id;
      return reply.status(500).send(body);
    }
    return reply.status(appErr.status).send(renderError(appErr, lang));
  });
}
