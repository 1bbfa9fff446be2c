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
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
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
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(req.headers['accept-language']);
    const appErr = toAppError(err);
    if (!appErr) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send(renderError(new AppError('INTERNAL'), lang));
    }
    return reply.status(appErr.status).send(renderError(appErr, lang));
  });
}
