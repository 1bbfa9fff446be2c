import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { currentSecurity, forgetSecurityCache, requireActor, runCommand } from '../../core/http/request.js';
import { authorizeType, RULES } from '../../policy/index.js';
import { defaultSecuritySettings, SecuritySettingsSchema, updateSecuritySettings } from './security.js';

/** Security settings (security admin) and the read-only policy matrix. */
export async function settingsRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/settings/security',
    { schema: { tags: ['settings'], summary: 'Security settings' } },
    async (req) => {
      authorizeType(requireActor(req), 'security_settings', 'read');
      return currentSecurity(app.deps);
    },
  );

  app.put(
    '/api/settings/security',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change security settings (security admin)',
        body: SecuritySettingsSchema,
      },
    },
    async (req) => {
      authorizeType(requireActor(req), 'security_settings', 'update');
      const out = await runCommand(app, req, (ctx) =>
        updateSecuritySettings(ctx, defaultSecuritySettings(app.deps.config.sessionIdleMinutes), req.body),
      );
      forgetSecurityCache();
      return out;
    },
  );

  app.get(
    '/api/policy',
    { schema: { tags: ['settings'], summary: 'The policy table: who may do what' } },
    async (req) => {
      authorizeType(requireActor(req), 'policy_matrix', 'read');
      return {
        rules: RULES.map((r) => ({
          resource: r.resource,
          action: r.action,
          roles: [...r.roles],
          scope: r.scope ?? null,
        })),
      };
    },
  );
}
