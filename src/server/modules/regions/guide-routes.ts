import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, runCommand } from '../../core/http/request.js';
import { GuideBody, loadRegion, presentRegion, updateGuide } from './guide.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** One office with its service guide (public), and the guide's editing by its district office or the city. */
export async function guideRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['regions'];

  app.get(
    '/api/regions/:id',
    {
      schema: { tags, summary: 'One office with its service guide (public)', params: IdParams },
      config: { public: true },
    },
    async (req) => presentRegion(await loadRegion(app.deps.db, req.params.id), req.actor),
  );

  app.put(
    '/api/regions/:id/guide',
    {
      schema: {
        tags,
        summary: 'Replace the service guide (its district office or the municipal office)',
        params: IdParams,
        body: GuideBody,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await runCommand(app, req, (ctx) => updateGuide(ctx, req.params.id, req.body));
      return presentRegion(row, actor);
    },
  );
}
