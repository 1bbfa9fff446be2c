import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { hitRateLimit } from '../../core/rate-limit.js';
import { isPdfBytes } from './inspect.js';
import { verifyByCode, verifyBytes } from './verify.js';

const CodeParams = z.object({ code: z.string().trim().toUpperCase().max(32) });
const PER_MINUTE = 60;

/** The public verification page's API: by verification code, or by uploading the PDF. */
export async function verifyRoutes(root: FastifyInstance): Promise<void> {
  const maxMb = root.deps.config.uploadMaxMb;
  await root.register(multipart, { limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 2 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['agreements'];
  const db = app.deps.db;
  const limited = async (ip: string): Promise<void> => {
    const ok = await db.transaction().execute((trx) => hitRateLimit(trx, `verify:${ip}`, 60_000, PER_MINUTE));
    if (!ok) throw new AppError('RATE_LIMITED');
  };

  app.get(
    '/api/verify/agreements/:code',
    {
      schema: { tags, summary: 'Verify by verification code (public)', params: CodeParams },
      config: { public: true },
    },
    async (req) => {
      await limited(req.ip);
      return verifyByCode(db, req.params.code);
    },
  );

  app.post(
    '/api/verify/agreements',
    {
      schema: {
        tags,
        summary: 'Verify an uploaded PDF (public, multipart: file)',
        consumes: ['multipart/form-data'],
      },
      config: { public: true },
    },
    async (req) => {
      await limited(req.ip);
      if (!req.isMultipart())
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'required' }]);
      let data: Buffer | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'file' && part.fieldname === 'file') {
          data = await part.toBuffer().catch((err: { code?: string }) => {
            if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxMb });
            throw err;
          });
        }
      }
      if (!data || data.length === 0)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'required' }]);
      if (!isPdfBytes(data)) throw new AppError('VERIFY_NOT_PDF');
      return verifyBytes(db, data);
    },
  );
}
