import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { containsText } from '../../db/index.js';

const ListRegionsQuery = z.object({
  /** Matches the name (Chinese or English) or the phone number. */
  q: z.string().trim().max(50).optional(),
  kind: z.enum(['municipal', 'district']).optional(),
});

/** The public directory of district offices (区县博管办) and the municipal office. */
export async function regionRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'District offices with phones (public)',
        querystring: ListRegionsQuery,
      },
      config: { public: true },
    },
    async (req) => {
      const { q, kind } = req.query;
      let query = app.deps.db
        .selectFrom('regions')
        .select(['id', 'code', 'name', 'name_en', 'phone', 'kind', 'sort']);
      if (kind) query = query.where('kind', '=', kind);
      if (q)
        query = query.where((eb) =>
          eb.or([containsText('name', q), containsText('name_en', q), containsText('phone', q)]),
        );
      const rows = await query.orderBy('sort').execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          nameEn: r.name_en,
          phone: r.phone,
          kind: r.kind,
        })),
      };
    },
  );
}
