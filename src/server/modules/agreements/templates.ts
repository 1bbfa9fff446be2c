import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { authorizeType, type MaybeActor } from '../../policy/index.js';

/**
 * Templates (文书模板) are kept by the municipal office. A change is a new version of the same key;
 * the newest version is the active one, older versions stay (every document names the version it was
 * made from). The body holds `{{field}}` placeholders, each declared with a label and whether it is
 * required; the parties are role labels with a signing order (equal order: any order among them).
 */
export const TemplateField = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(40),
  required: z.boolean(),
});
export const TemplateParty = z.strictObject({
  role: z.string().trim().min(1).max(20),
  order: z.number().int().min(1).max(10),
});
export const TemplateInput = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{2,39}$/),
  title: z.string().trim().min(1).max(100),
  body: z.string().min(1).max(20_000),
  fields: z.array(TemplateField).min(1).max(40),
  parties: z.array(TemplateParty).min(1).max(10),
  filing: z.enum(['office', 'auto']),
});
export type TemplateInputData = z.infer<typeof TemplateInput>;
export type TemplateFieldData = z.infer<typeof TemplateField>;
export type TemplatePartyData = z.infer<typeof TemplateParty>;

export interface TemplateView {
  id: number;
  key: string;
  version: number;
  title: string;
  body: string;
  fields: TemplateFieldData[];
  parties: TemplatePartyData[];
  filing: 'office' | 'auto';
  active: boolean;
  createdAt: string;
}

/** The placeholder names of a body, in order of first use. */
export function placeholders(body: string): string[] {
  return [...new Set([...body.matchAll(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!))];
}

/** Every placeholder declared, names and roles unique. */
export function templateProblems(t: TemplateInputData): FieldError[] {
  const problems: FieldError[] = [];
  const names = t.fields.map((f) => f.name);
  for (const p of placeholders(t.body))
    if (!names.includes(p))
      problems.push({ path: 'body', key: 'template_field_undeclared', params: { name: p } });
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) problems.push({ path: `fields.${i}.name`, key: 'template_field_duplicate' });
  });
  const roles = t.parties.map((p) => p.role);
  roles.forEach((r, i) => {
    if (roles.indexOf(r) !== i) problems.push({ path: `parties.${i}.role`, key: 'template_role_duplicate' });
  });
  return problems;
}

/** The body with every placeholder replaced; a missing required value is a field error. */
export function fillTemplate(
  t: Pick<TemplateView, 'body' | 'fields'>,
  values: Record<string, string>,
): { text: string; fields: Record<string, string> } {
  const problems: FieldError[] = [];
  const declared = new Map(t.fields.map((f) => [f.name, f]));
  for (const k of Object.keys(values))
    if (!declared.has(k)) problems.push({ path: `fields.${k}`, key: 'template_field_unknown' });
  const fields: Record<string, string> = {};
  for (const f of t.fields) {
    const v = (values[f.name] ?? '').trim();
    if (!v && f.required) problems.push({ path: `fields.${f.name}`, key: 'required' });
    fields[f.name] = v;
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems);
  const text = t.body.replace(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g, (_m, name: string) => fields[name] || '——');
  return { text, fields };
}

type TemplateRow = {
  id: number;
  key: string;
  version: number;
  title: string;
  body: string;
  fields_json: string;
  parties_json: string;
  filing: string;
  active: number;
  created_at: string;
};

export function templateView(r: TemplateRow): TemplateView {
  return {
    id: r.id,
    key: r.key,
    version: r.version,
    title: r.title,
    body: r.body,
    fields: JSON.parse(r.fields_json) as TemplateFieldData[],
    parties: JSON.parse(r.parties_json) as TemplatePartyData[],
    filing: r.filing === 'auto' ? 'auto' : 'office',
    active: r.active === 1,
    createdAt: r.created_at,
  };
}

export async function listTemplates(db: DbOrTrx, actor: MaybeActor, key?: string): Promise<TemplateView[]> {
  authorizeType(actor, 'agreement_template', 'read');
  let q = db.selectFrom('agreement_templates').selectAll();
  if (key) q = q.where('key', '=', key);
  const rows = await q.orderBy('key').orderBy('version', 'desc').execute();
  return rows.map(templateView);
}

export async function getTemplate(db: DbOrTrx, actor: MaybeActor, id: number): Promise<TemplateView> {
  authorizeType(actor, 'agreement_template', 'read');
  const r = await db.selectFrom('agreement_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return templateView(r);
}

/** The version new documents of this key are made from. */
export async function activeTemplate(db: DbOrTrx, key: string): Promise<TemplateView> {
  const r = await db
    .selectFrom('agreement_templates')
    .selectAll()
    .where('key', '=', key)
    .where('active', '=', 1)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!r) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'templateKey', key: 'template_unknown' }]);
  return templateView(r);
}

/** A new template, or a new version of an existing key (which becomes the active one). */
export async function saveTemplateVersion(ctx: CommandCtx, input: TemplateInputData): Promise<TemplateView> {
  authorizeType(ctx.actor, 'agreement_template', 'manage');
  const problems = templateProblems(input);
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems);
  const last = await ctx.trx
    .selectFrom('agreement_templates')
    .select('version')
    .where('key', '=', input.key)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  await ctx.trx.updateTable('agreement_templates').set({ active: 0 }).where('key', '=', input.key).execute();
  // The unique (key, version) index turns a concurrent save of the same key into DUPLICATE.
  const row = await ctx.trx
    .insertInto('agreement_templates')
    .values({
      key: input.key,
      version,
      title: input.title,
      body: input.body,
      fields_json: JSON.stringify(input.fields),
      parties_json: JSON.stringify(input.parties),
      filing: input.filing,
      active: 1,
      created_at: nowIso(),
      created_by: ctx.actor?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'agreement_template.saved',
    entityType: 'agreement_template',
    entityId: row.id,
    before: last ? { version: last.version } : null,
    after: { key: input.key, version },
  });
  return templateView(row);
}
