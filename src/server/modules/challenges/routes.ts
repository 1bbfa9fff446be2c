import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toXlsx, xlsxFilename } from '../../core/excel.js';
import { requireActor, runCommand } from '../../core/http/request.js';
import { authorizeType } from '../../policy/index.js';
import { COMMITMENTS } from '../../../shared/challenges/commitment.js';
import { CHALLENGE_KINDS, ChallengeInput } from '../../../shared/challenges/form.js';
import { CHALLENGE_KIND_LABELS, CHALLENGE_STATE_LABELS } from '../../../shared/challenges/labels.js';
import { DOMAIN_LABELS, domainLabel } from '../../../shared/labels.js';
import type { Domain } from '../../../shared/roles.js';
import { acceptCommitment, countView, createChallenge, transition, updateChallenge } from './commands.js';
import { logStaffRead } from './access-log.js';
import { HallQuery, listHall } from './hall.js';
import {
  ChallengeSettingsSchema,
  getChallengeSettings,
  isPublic,
  loadChallenge,
  updateChallengeSettings,
} from './load.js';
import { presentChallenge } from './presenter.js';
import { listChallenges, QueueQuery } from './queues.js';
import { deleteTerm, listTerms, saveTerm, TermBody } from './terms.js';
import { CHALLENGE_ACTIONS, challengeWorkflow } from './workflow.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const ActionParams = IdParams.extend({ action: z.enum(CHALLENGE_ACTIONS) });
const KindParams = z.object({ kind: z.enum(CHALLENGE_KINDS) });
const SaveBody = z.object({ challenge: ChallengeInput, revision: z.number().int().positive() });
const CommitmentBody = z.object({ version: z.string().min(1).max(40) });
const DecisionBody = z.object({ opinion: z.string().trim().max(2000).optional() });
const MineExportQuery = QueueQuery.extend({ lang: z.enum(['zh-CN', 'en']).optional() });

/** 揭榜领题 postings: the public hall, the poster console, the review queues and the term dictionary. */
export async function challengeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['challenges'];
  const db = app.deps.db;
  const present = async (req: { actor: Parameters<typeof presentChallenge>[1] }, id: number) => {
    const { record } = await loadChallenge(db, req.actor, id);
    const { nationalReview } = await getChallengeSettings(db);
    return presentChallenge(db, req.actor, record, nationalReview);
  };

  app.get(
    '/api/challenges/workflow',
    { schema: { tags, summary: 'The transition table in force' }, config: { public: true } },
    async () => {
      const settings = await getChallengeSettings(db);
      return { ...settings, transitions: challengeWorkflow(settings.nationalReview) };
    },
  );

  app.get(
    '/api/challenges/commitments/:kind',
    {
      schema: { tags, summary: 'The commitment letter (承诺书) of a kind', params: KindParams },
      config: { public: true },
    },
    async (req) => COMMITMENTS[req.params.kind],
  );

  app.get('/api/challenges/settings', { schema: { tags, summary: 'Review settings' } }, async (req) => {
    authorizeType(requireActor(req), 'challenge_settings', 'read');
    return getChallengeSettings(db);
  });

  app.put(
    '/api/challenges/settings',
    {
      schema: {
        tags,
        summary: 'Switch the national review level (system admin)',
        body: ChallengeSettingsSchema,
      },
    },
    async (req) => {
      authorizeType(requireActor(req), 'challenge_settings', 'update');
      return runCommand(app, req, (ctx) => updateChallengeSettings(ctx, req.body));
    },
  );

  app.get(
    '/api/hall/challenges',
    {
      schema: {
        tags,
        summary: 'The public hall: filters, sorts, search, keyset pages',
        querystring: HallQuery,
      },
      config: { public: true },
    },
    // The response does not depend on the caller: served from the node's short-lived public cache.
    async (req) =>
      app.deps.publicCache.get(`hall:${JSON.stringify(req.query)}`, () =>
        listHall(db, app.deps.dialect, req.query),
      ),
  );

  app.get(
    '/api/challenges/mine',
    { schema: { tags, summary: 'The poster console: my postings', querystring: QueueQuery } },
    async (req) => listChallenges(db, requireActor(req), 'mine', req.query),
  );

  app.get(
    '/api/challenges/mine/export.xlsx',
    {
      schema: {
        tags,
        summary: 'My postings as Excel (filters applied, all rows; `lang` picks the language)',
        querystring: MineExportQuery,
      },
    },
    async (req, reply) => {
      const { items } = await listChallenges(db, requireActor(req), 'mine', req.query, true);
      const lang = req.query.lang ?? req.lang;
      const zh = lang !== 'en';
      const label = (l: Record<string, { 'zh-CN': string; en: string }>, k: string) => l[k]?.[lang] ?? k;
      const sheet = zh ? '我的张榜' : 'My postings';
      const buf = await toXlsx(
        sheet,
        [
          { header: zh ? '编号' : 'No.', width: 8, value: (r) => r.id },
          { header: zh ? '类别' : 'Kind', width: 16, value: (r) => label(CHALLENGE_KIND_LABELS, r.kind) },
          { header: zh ? '标题' : 'Title', width: 36, value: (r) => r.title },
          {
            header: zh ? '领域' : 'Domain',
            width: 18,
            value: (r) => domainLabel(r.domain, zh ? 'zh-CN' : 'en'),
          },
          { header: zh ? '区县' : 'District', width: 14, value: (r) => r.regionName },
          { header: zh ? '金额（万元）' : 'Amount (10k CNY)', width: 14, value: (r) => r.budgetWan },
          { header: zh ? '截止日期' : 'Deadline', width: 12, value: (r) => r.deadline },
          { header: zh ? '状态' : 'State', width: 14, value: (r) => label(CHALLENGE_STATE_LABELS, r.state) },
          { header: zh ? '浏览' : 'Views', width: 8, value: (r) => r.views },
          { header: zh ? '报名' : 'Sign-ups', width: 8, value: (r) => r.signups },
          {
            header: zh ? '更新时间' : 'Updated',
            width: 18,
            value: (r) => r.updatedAt.slice(0, 16).replace('T', ' '),
          },
          { header: zh ? '最近意见' : 'Latest opinion', width: 40, value: (r) => r.lastOpinion },
        ],
        items,
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename(sheet));
      return reply.send(buf);
    },
  );

  app.get(
    '/api/challenges/review',
    { schema: { tags, summary: 'The review queue (municipal or national)', querystring: QueueQuery } },
    async (req) => listChallenges(db, requireActor(req), 'review', req.query),
  );

  app.get(
    '/api/challenges/review/export.xlsx',
    { schema: { tags, summary: 'The review queue as Excel (filters applied)', querystring: QueueQuery } },
    async (req, reply) => {
      const { items } = await listChallenges(db, requireActor(req), 'review', req.query, true);
      const buf = await toXlsx(
        '张榜需求',
        [
          { header: '编号', width: 8, value: (r) => r.id },
          { header: '类别', width: 14, value: (r) => CHALLENGE_KIND_LABELS[r.kind]?.['zh-CN'] ?? r.kind },
          { header: '标题', width: 36, value: (r) => r.title },
          { header: '领域', width: 18, value: (r) => DOMAIN_LABELS[r.domain as Domain] ?? r.domain },
          { header: '区县', width: 14, value: (r) => r.regionName },
          { header: '张榜方', width: 28, value: (r) => r.posterName },
          { header: '金额（万元）', width: 12, value: (r) => r.budgetWan },
          { header: '截止日期', width: 12, value: (r) => r.deadline },
          { header: '状态', width: 12, value: (r) => CHALLENGE_STATE_LABELS[r.state]?.['zh-CN'] ?? r.state },
          {
            header: '提交时间',
            width: 18,
            value: (r) => r.submittedAt?.slice(0, 16).replace('T', ' ') ?? '',
          },
          { header: '最近意见', width: 40, value: (r) => r.lastOpinion },
        ],
        items,
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', xlsxFilename('张榜需求'));
      return reply.send(buf);
    },
  );

  app.post(
    '/api/challenges',
    {
      schema: {
        tags,
        summary: 'Start a posting as a draft (unit: tech; postdoc: transfer)',
        body: ChallengeInput,
      },
    },
    async (req, reply) => {
      requireActor(req);
      const id = await runCommand(app, req, (ctx) => createChallenge(ctx, req.body));
      reply.status(201);
      return present(req, id);
    },
  );

  app.get(
    '/api/challenges/:id',
    {
      schema: {
        tags,
        summary: 'One posting: public part for all, the rest for the entitled',
        params: IdParams,
      },
      config: { public: true },
    },
    async (req) => {
      const { record, insider } = await loadChallenge(db, req.actor, req.params.id);
      if (isPublic(record) && !insider)
        await db.transaction().execute((trx) => countView(trx, record, req.actor));
      await logStaffRead(db, req.actor, req.ip, record, null);
      return present(req, req.params.id);
    },
  );

  app.put(
    '/api/challenges/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft or returned posting (compare-and-set on revision)',
        params: IdParams,
        body: SaveBody,
      },
    },
    async (req) => {
      requireActor(req);
      const revision = await runCommand(app, req, (ctx) =>
        updateChallenge(ctx, req.params.id, req.body.challenge, req.body.revision),
      );
      return { revision };
    },
  );

  app.post(
    '/api/challenges/:id/commitment',
    {
      schema: {
        tags,
        summary: 'Accept the commitment letter (filed with the posting)',
        params: IdParams,
        body: CommitmentBody,
      },
    },
    async (req) => {
      requireActor(req);
      const agreements = { db, storage: app.deps.storage, config: app.deps.config };
      await runCommand(app, req, (ctx) => acceptCommitment(ctx, req.params.id, req.body.version, agreements));
      return present(req, req.params.id);
    },
  );

  app.post(
    '/api/challenges/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Take a workflow action',
        params: ActionParams,
        body: DecisionBody.optional(),
      },
    },
    async (req) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => transition(ctx, req.params.id, req.params.action, req.body ?? {}));
      return present(req, req.params.id);
    },
  );

  app.get('/api/challenge-terms', { schema: { tags, summary: 'The search dictionary' } }, async (req) => {
    authorizeType(requireActor(req), 'challenge_terms', 'manage');
    return listTerms(db);
  });

  app.post(
    '/api/challenge-terms',
    { schema: { tags, summary: 'Add a dictionary entry (municipal office)', body: TermBody } },
    async (req, reply) => {
      requireActor(req);
      const id = await runCommand(app, req, (ctx) => saveTerm(ctx, req.body));
      reply.status(201);
      return { id };
    },
  );

  app.put(
    '/api/challenge-terms/:id',
    { schema: { tags, summary: 'Change a dictionary entry', params: IdParams, body: TermBody } },
    async (req) => {
      requireActor(req);
      return { id: await runCommand(app, req, (ctx) => saveTerm(ctx, req.body, req.params.id)) };
    },
  );

  app.delete(
    '/api/challenge-terms/:id',
    { schema: { tags, summary: 'Remove a dictionary entry', params: IdParams } },
    async (req, reply) => {
      requireActor(req);
      await runCommand(app, req, (ctx) => deleteTerm(ctx, req.params.id));
      return reply.status(204).send();
    },
  );
}
