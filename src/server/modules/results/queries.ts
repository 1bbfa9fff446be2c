import { z } from 'zod';
import { toXlsx, type XlsxColumn } from '../../core/excel.js';
import type { Lang } from '../../core/messages.js';
import { renderPdf, type PdfBlock } from '../../core/pdf/render.js';
import { toInt, type DbOrTrx } from '../../db/index.js';
import { authorize, authorizeType, type Actor } from '../../policy/index.js';
import { ANNOUNCEMENT_STATES } from '../../../shared/results/rules.js';
import { domainLabel } from '../../../shared/labels.js';
import {
  announcementRes,
  itemsOf,
  presentAnnouncement,
  presentPublic,
  type LoadedAnnouncement,
  type PublicItem,
} from './presenter.js';

/* Lists (the office's, the public one), the Excel export and the printable PDF of an announcement. */

export const ListQuery = z.object({
  state: z.enum(ANNOUNCEMENT_STATES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListFilter = z.infer<typeof ListQuery>;

/** The municipal office: all; a district office: those naming a party of its district. */
export async function listAnnouncements(db: DbOrTrx, actor: Actor, f: ListFilter) {
  authorizeType(actor, 'results_announcement', 'list');
  let q = db.selectFrom('results_announcements as a');
  if (actor.role === 'district_officer')
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('results_items as ri')
          .select('ri.id')
          .whereRef('ri.announcement_id', '=', 'a.id')
          .where('ri.region_key', 'like', `%,${actor.regionId ?? -1},%`),
      ),
    );
  if (f.state) q = q.where('a.state', '=', f.state);
  const total = toInt((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  const rows = await q
    .selectAll('a')
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const items = [];
  for (const a of rows) {
    const its = await itemsOf(db, a.id);
    const p = presentAnnouncement(actor, { a, items: its, res: announcementRes(a, its) });
    items.push({ ...p, itemCount: its.length, items: [] });
  }
  return { items, total, page: f.page, pageSize: f.pageSize };
}

export const PublicListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

/** Published announcements, newest first (for anyone). */
export async function listPublic(db: DbOrTrx, f: z.infer<typeof PublicListQuery>) {
  const q = db.selectFrom('results_announcements').where('state', '=', 'published');
  const total = toInt((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  const rows = await q
    .select(['id', 'title', 'period_from', 'period_to', 'published_at'])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const items = [];
  for (const r of rows) {
    const n = await db
      .selectFrom('results_items')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('announcement_id', '=', r.id)
      .executeTakeFirst();
    items.push({
      id: r.id,
      title: r.title,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      publishedAt: r.published_at,
      itemCount: toInt(n?.n),
    });
  }
  return { items, total, page: f.page, pageSize: f.pageSize };
}

const H: Record<string, [string, string]> = {
  no: ['序号', 'No.'],
  need: ['需求名称', 'Need'],
  domain: ['领域', 'Domain'],
  poster: ['张榜方', 'Poster'],
  taker: ['揭榜方', 'Taker'],
  matched: ['对接成功日期', 'Matched on'],
  summary: ['成果简介', 'Summary'],
};

/** The items as Excel (zh-CN or en headers); the officer must be allowed to export this announcement. */
export async function exportAnnouncement(actor: Actor, l: LoadedAnnouncement, lang: Lang): Promise<Buffer> {
  authorize(actor, 'results_announcement', 'export', l.res);
  const i = lang === 'en' ? 1 : 0;
  const h = (k: string) => H[k]![i]!;
  const rows = l.items.map((it, n) => ({ n: n + 1, ...presentPublic(l).items[n]!, it }));
  const cols: XlsxColumn<(typeof rows)[number]>[] = [
    { header: h('no'), width: 6, value: (r) => r.n },
    { header: h('need'), width: 36, value: (r) => r.needTitle },
    { header: h('domain'), value: (r) => domainLabel(r.domain, lang) },
    { header: h('poster'), width: 28, value: (r) => r.posterName },
    { header: h('taker'), width: 28, value: (r) => r.takerName },
    { header: h('matched'), width: 14, value: (r) => r.matchedOn },
    { header: h('summary'), width: 60, value: (r) => r.summary },
  ];
  return toXlsx(lang === 'en' ? 'Results' : '揭榜成果', cols, rows);
}

/** The printable announcement (public facts only). */
export async function announcementPdf(l: LoadedAnnouncement): Promise<Buffer> {
  const p = presentPublic(l);
  const blocks: PdfBlock[] = [
    { kind: 'title', text: p.title },
    {
      kind: 'subtitle',
      text: `公告期间 ${p.periodFrom} 至 ${p.periodTo}${p.publishedAt ? ` · 发布于 ${p.publishedAt.slice(0, 10)}` : ''}`,
    },
  ];
  if (p.intro) blocks.push({ kind: 'paragraph', text: p.intro }, { kind: 'spacer', height: 8 });
  blocks.push(
    { kind: 'heading', text: `对接成功项目（共 ${p.items.length} 项）` },
    {
      kind: 'table',
      columns: ['序号', '需求名称', '领域', '张榜方', '揭榜方', '对接成功日期'],
      widths: [0.8, 3.4, 1.8, 2.6, 2.6, 1.8],
      rows: p.items.map((it: PublicItem, n) => [
        String(n + 1),
        it.needTitle,
        domainLabel(it.domain, 'zh-CN'),
        it.posterName,
        it.takerName,
        it.matchedOn,
      ]),
    },
    { kind: 'heading', text: '成果简介' },
  );
  for (const [n, it] of p.items.entries())
    blocks.push({ kind: 'paragraph', text: `${n + 1}. ${it.needTitle}：${it.summary || '—'}` });
  blocks.push({ kind: 'spacer', height: 16 }, { kind: 'paragraph', text: '重庆市博士后工作办公室' });
  const bytes = await renderPdf(blocks, { title: p.title, footer: `揭榜成果公告 第 ${p.id} 号` });
  return Buffer.from(bytes);
}
