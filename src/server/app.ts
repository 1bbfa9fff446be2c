import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './core/config.js';
import { AppError } from './core/errors.js';
import { renderError, installErrorHandler } from './core/http/error-handler.js';
import { installRequestHooks } from './core/http/request.js';
import { createMailer } from './core/mailer.js';
import { processOutbox } from './core/outbox.js';
import { createStorage, type Storage } from './core/storage.js';
import { loggerOptions, type LogStream } from './core/logging.js';
import { FieldCipher } from './core/crypto.js';
import { bindCryptoProfile } from './core/crypto-profile.js';
import type { DbHandle } from './db/index.js';
import { authRoutes } from './modules/accounts/routes.js';
import { userRoutes } from './modules/accounts/users-routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { metricsRoutes } from './modules/health/metrics.js';
import { outboxHandlers } from './modules/notifications/handlers.js';
import { fileConfidentialityDocument } from './modules/taking/confidentiality-filing.js';
import { fileCooperationAgreement } from './modules/taking/cooperation.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { settingsRoutes } from './modules/settings/routes.js';
import { unitRoutes } from './modules/units/routes.js';
import { fileRoutes } from './modules/files/routes.js';
import { applicationRoutes } from './modules/stations/routes.js';
import { batchRoutes } from './modules/stations/batch-routes.js';
import { registryRoutes } from './modules/stations/lifecycle/routes.js';
import { stationImportRoutes } from './modules/stations/import/routes.js';
import { guideRoutes } from './modules/regions/guide-routes.js';
import { statsRoutes } from './modules/stats/routes.js';
import { PublicCache } from './core/cache.js';
import { challengeFileRoutes } from './modules/challenges/files.js';
import { challengeRoutes } from './modules/challenges/routes.js';
import { takingRoutes } from './modules/taking/routes.js';
import { solutionRoutes } from './modules/taking/solution-routes.js';
import { engagementRoutes } from './modules/taking/engagement-routes.js';
import { followupRoutes } from './modules/followup/routes.js';
import { agreementRoutes } from './modules/agreements/routes.js';
import { verifyRoutes } from './modules/agreements/verify-routes.js';
import { resultsRoutes } from './modules/results/routes.js';
import { resultsEventRoutes } from './modules/results/event-routes.js';
import { reviewRoutes } from './modules/reviews/routes.js';
import { organiserRoutes } from './modules/organiser/routes.js';

export interface BuildOptions {
  config: Config;
  database: DbHandle;
  /** Login attempts per minute per IP (tests raise it). */
  loginLimitPerMinute?: number;
  /** Built web client to serve; omitted in API tests. */
  webRoot?: string;
  /** Poll the outbox on a timer (off in tests, which drain it explicitly). */
  outboxPollMs?: number;
  /** A storage provider other than the configured one (tests: a full disk). */
  storage?: Storage;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: LogStream;
}

export interface App extends FastifyInstance {
  /** Runs due outbox messages now; resolves with how many were done. */
  drainOutbox(): Promise<number>;
}

export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, database } = opts;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, opts.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A caller's (or proxy's) X-Request-Id is kept when it looks like one; otherwise a UUID. Every log
    // line of the request carries it as reqId, and the response echoes it.
    requestIdHeader: false,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && /^[\w.:-]{1,64}$/.test(h) ? h : randomUUID();
    },
  }) as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const storage = opts.storage ?? createStorage(config);
  const handlers = outboxHandlers(createMailer(config, storage), {
    cooperation: async (db, p) => {
      await fileCooperationAgreement(db, database.dialect, { db, storage, config }, p.solutionId);
    },
    confidentiality: async (db, p) => {
      await fileConfidentialityDocument(db, database.dialect, { db, storage, config }, p.acceptanceId);
    },
  });
  let draining: Promise<number> | null = null;
  const drain = (): Promise<number> => {
    draining ??= processOutbox(database.db, handlers).finally(() => {
      draining = null;
    });
    return draining;
  };
  app.decorate('drainOutbox', drain);
  app.decorate('deps', {
    db: database.db,
    dialect: database.dialect,
    config,
    storage,
    cipher: FieldCipher.fromDataDir(
      config.dataDir,
      await bindCryptoProfile(database.db, config.cryptoProfile),
    ),
    loginLimitPerMinute: opts.loginLimitPerMinute ?? config.loginLimitPerMinute,
    publicCache: new PublicCache(config.hallCacheSeconds * 1000),
    kickOutbox: () => {
      if (opts.outboxPollMs)
        setImmediate(() => void drain().catch((err: unknown) => app.log.error({ err }, 'outbox')));
    },
  });
  if (opts.outboxPollMs) {
    const timer = setInterval(
      () => void drain().catch((err: unknown) => app.log.error({ err }, 'outbox')),
      opts.outboxPollMs,
    );
    app.addHook('onClose', async () => clearInterval(timer));
  }

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '博后通 bohou API',
        version: '0.1.0',
        description: 'Postdoctoral affairs platform. Errors: { error: { code, message, fields? } }.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installErrorHandler(app);
  installRequestHooks(app);

  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  await app.register(regionRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(auditRoutes);
  await app.register(settingsRoutes);
  await app.register(notificationRoutes);
  await app.register(fileRoutes);
  await app.register(applicationRoutes);
  await app.register(batchRoutes);
  await app.register(registryRoutes);
  await app.register(stationImportRoutes);
  await app.register(guideRoutes);
  await app.register(statsRoutes);
  await app.register(challengeRoutes);
  await app.register(agreementRoutes);
  await app.register(verifyRoutes);
  await app.register(challengeFileRoutes);
  await app.register(takingRoutes);
  await app.register(solutionRoutes);
  await app.register(engagementRoutes);
  await app.register(followupRoutes);
  await app.register(resultsRoutes);
  await app.register(resultsEventRoutes);
  await app.register(reviewRoutes);
  await app.register(organiserRoutes);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  const webRoot = opts.webRoot;
  const hasWeb = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    // Unknown API paths and missing build assets are 404s, never the app shell.
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET' || !hasWeb) {
      return reply.status(404).send(renderError(new AppError('NOT_FOUND'), req.lang));
    }
    // Client-side routes: every other GET gets the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
