import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logStaffRead } from './access-log.js';
import { AppError } from '../../core/errors.js';
import { can, type MaybeActor } from '../../policy/index.js';
import type { DbOrTrx } from '../../db/index.js';
import { isPublic, loadChallenge, policyRes } from './load.js';

const Params = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});

/**
 * A posting's attachment, authorised by the posting it belongs to (not by who uploaded it): a public
 * attachment for anyone once the posting is in the hall, and for its insiders before; a confidential
 * attachment only for those entitled to the confidential part (the poster's side and the reviewers at
 * either level). Anything else is 404, whether or not the file exists.
 */
export async function challengeFileRow(db: DbOrTrx, actor: MaybeActor, id: number, fileId: number) {
  const { record } = await loadChallenge(db, actor, id);
  const entitled = can(actor, 'challenge', 'view_confidential', policyRes(record));
  const inPublic = (record.publicPart.attachmentIds ?? []).includes(fileId);
  const inConfidential = record.confidential.attachmentIds.includes(fileId);
  if (!((inPublic && (entitled || isPublic(record))) || (inConfidential && entitled)))
    throw new AppError('NOT_FOUND');
  const f = await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND');
  return { file: f, confidential: inConfidential && !inPublic, record };
}

export async function challengeFileRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/challenges/:id/files/:fileId',
    {
      schema: {
        tags: ['challenges'],
        summary: "Download a posting's attachment (public, or confidential for the entitled)",
        params: Params,
      },
      config: { public: true },
    },
    async (req, reply) => {
      const { file, confidential, record } = await challengeFileRow(
        app.deps.db,
        req.actor,
        req.params.id,
        req.params.fileId,
      );
      if (confidential) await logStaffRead(app.deps.db, req.actor, req.ip, record, file.id);
      const data = await app.deps.storage.get(file.storage_key);
      reply
        .type(file.mime)
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('Cache-Control', confidential ? 'private, no-store' : 'public, max-age=300');
      return reply.send(data);
    },
  );
}
