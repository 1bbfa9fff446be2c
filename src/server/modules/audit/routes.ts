import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAuditChain } from '../../core/audit.js';
import { requireActor } from '../../core/http/request.js';
import { containsText, toInt } from '../../db/index.js';
import { authorizeType } from '../../policy/index.js';

const AuditQuery = z.object({
  action: z.string().trim().max(64).optional(),
  actorName: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(32).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit trail: read and verify only (the audit admin); there is no route that changes it. */
export async function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Audit records (audit admin)', querystring: AuditQuery } },
    async (req) => {
      authorizeType(requireActor(req), 'audit', 'read');
      const f = req.query;
      let q = app.deps.db.selectFrom('audit_log');
      if (f.action) q = q.where('action', '=', f.action);
      if (f.actorName) q = q.where(containsText('actor_name', f.actorName));
      if (f.entityType) q = q.where('entity_type', '=', f.entityType);
      if (f.entityId) q = q.where('entity_id', '=', f.entityId);
      if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
      if (f.to) q = q.where('at', '<=', new Date(f.to).toISOString());
      const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q
        .selectAll()
        .orderBy('id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return {
        total: toInt(n),
        page: f.page,
        pageSize: f.pageSize,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRole: r.actor_role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          regionId: r.region_id,
          ip: r.ip,
          before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
          after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
          hash: r.hash,
          prevHash: r.prev_hash,
        })),
      };
    },
  );

  app.get(
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: 'Verify the hash chain (audit admin)' } },
    async (req) => {
      authorizeType(requireActor(req), 'audit', 'verify');
      return verifyAuditChain(app.deps.db);
    },
  );
}
