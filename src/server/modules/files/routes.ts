import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { FILE_PURPOSES, loadVisibleFile, saveUpload } from './commands.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** Uploads (PDF / PNG / JPEG, checked by content, size-limited) and downloads, authorised by the policy. */
export async function fileRoutes(root: FastifyInstance): Promise<void> {
  const maxMb = root.deps.config.uploadMaxMb;
  await root.register(multipart, { limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 5 } });
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart: purpose, file)',
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      requireActor(req);
      if (!req.isMultipart())
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'required' }]);
      let purpose: string | undefined;
      let upload: { filename: string; data: Buffer } | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field' && part.fieldname === 'purpose') purpose = String(part.value);
        if (part.type === 'file' && part.fieldname === 'file') {
          const data = await part.toBuffer().catch((err: { code?: string }) => {
            if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxMb });
            throw err;
          });
          upload = { filename: part.filename, data };
        }
      }
      const parsedPurpose = z.enum(FILE_PURPOSES).safeParse(purpose ?? 'evidence');
      if (!parsedPurpose.success)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'purpose', key: 'invalid_value' }]);
      if (!upload || upload.data.length === 0)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'required' }]);
      const file = upload;
      const view = await runCommand(app, req, (ctx) =>
        saveUpload(ctx, app.deps.storage, { ...file, purpose: parsedPurpose.data }),
      );
      reply.status(201);
      return view;
    },
  );

  app.get(
    '/api/files/:id',
    { schema: { tags: ['files'], summary: 'Download a file', params: IdParams } },
    async (req, reply) => {
      const f = await loadVisibleFile(app.deps.db, requireActor(req), req.params.id);
      const data = await app.deps.storage.get(f.storage_key);
      reply
        .type(f.mime)
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .header('Cache-Control', 'private, no-store');
      return reply.send(data);
    },
  );
}
