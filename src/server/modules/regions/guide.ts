import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import type { RegionRow } from '../../db/schema.js';
import { allowedActions, authorize, type MaybeActor } from '../../policy/index.js';

/**
 * District service guides (seed 000 §五): what a postdoc coming to the district can expect, in seven
 * sections. Stored as JSON text in `regions.service_guide`; each district office edits its own, the
 * municipal office any.
 */
export const GUIDE_SECTIONS = [
  'talentCard',
  'schooling',
  'healthCare',
  'housing',
  'spouseEmployment',
  'transport',
  'academicExchange',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

/** Chinese titles of the sections, for pages and documents. */
export const GUIDE_SECTION_LABELS: Record<GuideSection, string> = {
  talentCard: '人才服务卡',
  schooling: '子女入学',
  healthCare: '医疗保健',
  housing: '住房保障',
  spouseEmployment: '配偶就业',
  transport: '交通出行',
  academicExchange: '学术交流',
};

export const GUIDE_MAX = 2000;
const Section = z.string().trim().max(GUIDE_MAX);

export type GuideSections = Record<GuideSection, string>;
export type Guide = GuideSections & { updatedAt: string | null };

export const GuideBody = z.strictObject({
  talentCard: Section,
  schooling: Section,
  healthCare: Section,
  housing: Section,
  spouseEmployment: Section,
  transport: Section,
  academicExchange: Section,
  /** The `updatedAt` the editor loaded: when given and no longer current, the save is refused (409). */
  updatedAt: z.string().max(40).nullable().optional(),
});
export type GuideInput = z.infer<typeof GuideBody>;

const Stored = z.object({
  ...Object.fromEntries(GUIDE_SECTIONS.map((k) => [k, z.string().catch('')])),
  updatedAt: z.string().nullable().catch(null),
});

/** The stored text as a guide; empty or unreadable text is an empty guide. */
export function parseGuide(text: string): Guide {
  const empty: Guide = { ...emptySections(), updatedAt: null };
  if (!text) return empty;
  try {
    const parsed = Stored.safeParse(JSON.parse(text));
    if (!parsed.success) return empty;
    const out = { ...empty, updatedAt: parsed.data.updatedAt ?? null };
    for (const k of GUIDE_SECTIONS) {
      const v = (parsed.data as Record<string, unknown>)[k];
      out[k] = typeof v === 'string' ? v : '';
    }
    return out;
  } catch {
    return empty;
  }
}

function emptySections(): GuideSections {
  return Object.fromEntries(GUIDE_SECTIONS.map((k) => [k, ''])) as GuideSections;
}

export function presentRegion(r: RegionRow, viewer: MaybeActor) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    phone: r.phone,
    kind: r.kind,
    guide: parseGuide(r.service_guide),
    sections: GUIDE_SECTIONS.map((key) => ({ key, label: GUIDE_SECTION_LABELS[key] })),
    actions: allowedActions(viewer, 'region', { id: r.id, kind: r.kind }),
  };
}

export async function loadRegion(db: DbOrTrx, id: number): Promise<RegionRow> {
  const r = await db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** Replaces the guide: compare-and-set on the stored text, so a concurrent save is a conflict. */
export async function updateGuide(ctx: CommandCtx, regionId: number, input: GuideInput): Promise<RegionRow> {
  const r = await loadRegion(ctx.trx, regionId);
  authorize(ctx.actor, 'region', 'update_guide', { id: r.id, kind: r.kind });
  const before = parseGuide(r.service_guide);
  if (input.updatedAt !== undefined && input.updatedAt !== before.updatedAt) throw new AppError('CONFLICT');
  const sections = emptySections();
  for (const k of GUIDE_SECTIONS) sections[k] = input[k];
  const guide: Guide = { ...sections, updatedAt: nowIso() };
  const text = JSON.stringify(guide);
  const res = await ctx.trx
    .updateTable('regions')
    .set({ service_guide: text })
    .where('id', '=', regionId)
    .where('service_guide', '=', r.service_guide)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
  const changed = GUIDE_SECTIONS.filter((k) => before[k] !== sections[k]);
  await writeAudit(ctx, {
    action: 'region.guide_updated',
    entityType: 'region',
    entityId: regionId,
    regionId,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: { ...Object.fromEntries(changed.map((k) => [k, sections[k]])), updatedAt: guide.updatedAt },
  });
  return { ...r, service_guide: text };
}
