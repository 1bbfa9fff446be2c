import type { PdfBlock } from '../../core/pdf/render.js';
import { renderPdf } from '../../core/pdf/render.js';
import type { DbOrTrx } from '../../db/index.js';
import { checkEligibility, ELIGIBILITY_MESSAGES } from '../../../shared/stations/eligibility.js';
import type { ApplicationRecord } from './load.js';
import { DOMAIN_LABELS, UNIT_TYPE_LABELS } from '../../../shared/labels.js';

const yes = (b: boolean): string => (b ? '是' : '否');
const num = (v: number | null, unit = ''): string => (v === null ? '' : `${v}${unit}`);
const files = (ids: number[], names: Map<number, string>): string =>
  ids.length ? ids.map((id) => names.get(id) ?? `#${id}`).join('；') : '（未上传）';

/** The printable application form (博士后科研工作站设站申报表) with signature and seal boxes. */
export async function applicationPdf(db: DbOrTrx, app: ApplicationRecord): Promise<Uint8Array> {
  const unit = await db
    .selectFrom('units')
    .innerJoin('regions', 'regions.id', 'units.region_id')
    .select([
      'units.name',
      'units.unit_type',
      'units.credit_code',
      'units.registration_date',
      'units.contact_name',
      'units.contact_phone',
      'regions.name as region',
    ])
    .where('units.id', '=', app.unitId)
    .executeTakeFirstOrThrow();
  const fileRows = await db
    .selectFrom('files')
    .select(['id', 'filename'])
    .where('unit_id', '=', app.unitId)
    .execute();
  const names = new Map(fileRows.map((f) => [f.id, f.filename]));
  const f = app.form;
  const b = f.basic;
  const r = f.recommended;
  const e = checkEligibility(f);
  const blocks: PdfBlock[] = [
    { kind: 'title', text: '重庆市博士后科研工作站设站申报表' },
    { kind: 'subtitle', text: `申请编号 ${app.id} · 生成时间 ${new Date().toISOString().slice(0, 10)}` },
    { kind: 'heading', text: '一、单位基本情况' },
    { kind: 'field', label: '单位名称', value: unit.name },
    {
      kind: 'field',
      label: '单位类型',
      value: UNIT_TYPE_LABELS[unit.unit_type as keyof typeof UNIT_TYPE_LABELS] ?? unit.unit_type,
    },
    { kind: 'field', label: '统一社会信用代码', value: unit.credit_code },
    { kind: 'field', label: '成立日期', value: unit.registration_date },
    { kind: 'field', label: '所属区县', value: unit.region },
    { kind: 'field', label: '法定代表人', value: f.profile.legalPerson },
    { kind: 'field', label: '职工人数', value: num(f.profile.staffCount, ' 人') },
    { kind: 'field', label: '上年营业收入', value: num(f.profile.revenue, ' 万元') },
    { kind: 'field', label: '上年研发投入', value: num(f.profile.rdSpending, ' 万元') },
    {
      kind: 'field',
      label: '经营状况',
      value: { good: '良好', normal: '一般', difficult: '困难' }[f.profile.operatingStatus ?? 'normal'] ?? '',
    },
    { kind: 'field', label: '联系人 / 电话', value: `${unit.contact_name} / ${unit.contact_phone}` },
    { kind: 'heading', text: '二、基本条件' },
    { kind: 'field', label: '1. 独立法人及经营', value: b.legal.statement },
    { kind: 'field', label: '　证明材料', value: files(b.legal.evidence, names) },
    {
      kind: 'field',
      label: '2. 研发机构',
      value: `${b.rdInstitution.name}（${num(b.rdInstitution.staff, ' 人')}）${b.rdInstitution.description}`,
    },
    { kind: 'field', label: '　证明材料', value: files(b.rdInstitution.evidence, names) },
    { kind: 'paragraph', text: '3. 合作导师名单' },
    {
      kind: 'table',
      columns: ['姓名', '职称', '高级职称', '全职', '研究领域', '证明材料'],
      widths: [2, 2, 1.2, 1, 3, 3],
      rows: b.team.supervisors.map((s) => [
        s.name,
        s.title,
        yes(s.senior),
        yes(s.fullTime),
        s.field,
        files(s.evidence, names),
      ]),
    },
    {
      kind: 'field',
      label: '4. 薪酬不低于标准',
      value: `${yes(b.conditions.payNotLower)}；年薪 ${num(b.conditions.annualPay, ' 万元')}；${b.conditions.description}`,
    },
    { kind: 'field', label: '　证明材料', value: files(b.conditions.evidence, names) },
    { kind: 'field', label: '5. 年度招收计划', value: num(b.plan.placesPerYear, ' 人/年') },
    {
      kind: 'table',
      columns: ['科研项目', '所属领域', '简介'],
      widths: [3, 2, 6],
      rows: b.plan.projects.map((p) => [p.title, p.domain ? DOMAIN_LABELS[p.domain] : '', p.summary]),
    },
    {
      kind: 'field',
      label: '　合作流动站',
      value: `${b.plan.mobileStation.university} · ${b.plan.mobileStation.discipline}`,
    },
    { kind: 'field', label: '　合作意向书', value: files(b.plan.mobileStation.evidence, names) },
    {
      kind: 'field',
      label: '6. 管理办法与专人',
      value: `${b.management.staffName} ${b.management.staffPhone}`,
    },
    { kind: 'field', label: '　管理办法文件', value: files(b.management.evidence, names) },
    { kind: 'heading', text: '三、推荐条件（符合其一）' },
    {
      kind: 'field',
      label: '1. 科研创新平台',
      value: r.platform.claimed
        ? `${r.platform.name}（${r.platform.level === 'national' ? '国家级' : '市级'}）；${files(r.platform.evidence, names)}`
        : '未申报',
    },
    {
      kind: 'field',
      label: '2. 战略产业/奖励',
      value: r.industry.claimed
        ? `${r.industry.description}；${files(r.industry.evidence, names)}`
        : '未申报',
    },
    {
      kind: 'field',
      label: '3. 服务区域战略',
      value: r.strategy.claimed
        ? `${r.strategy.strategies.join('、')}；${r.strategy.description}；${files(r.strategy.evidence, names)}`
        : '未申报',
    },
    {
      kind: 'field',
      label: '4. 专精特新小巨人',
      value: r.littleGiant.claimed
        ? `${r.littleGiant.level === 'national' ? '国家级' : '市级'}；${files(r.littleGiant.evidence, names)}`
        : '未申报',
    },
    {
      kind: 'field',
      label: '5. 明确招收对象',
      value: r.candidate.claimed ? `${r.candidate.name}；${files(r.candidate.evidence, names)}` : '未申报',
    },
    { kind: 'heading', text: '四、条件核对' },
    {
      kind: 'paragraph',
      text: e.eligible
        ? '系统核对：基本条件齐全，符合推荐条件。'
        : `系统核对：尚缺 ${e.missing.map((m) => ELIGIBILITY_MESSAGES[m.key]['zh-CN']).join('；')}`,
    },
    { kind: 'heading', text: '五、单位承诺' },
    { kind: 'paragraph', text: '本单位承诺所填内容及所附材料真实、准确、完整，如有不实，愿承担相应责任。' },
    { kind: 'spacer', height: 8 },
    { kind: 'boxes', labels: ['法定代表人（签字）', '单位（盖章）'], height: 110 },
    { kind: 'paragraph', text: '日期：　　　年　　月　　日' },
  ];
  return renderPdf(blocks, { title: '博士后科研工作站设站申报表', footer: `博后通 · 申请编号 ${app.id}` });
}

/** The certificate issued with certification (认定备案证书). */
export async function certificatePdf(s: {
  number: string;
  unitName: string;
  region: string;
  certifiedAt: string;
}): Promise<Uint8Array> {
  const d = s.certifiedAt.slice(0, 10).split('-');
  const blocks: PdfBlock[] = [
    { kind: 'spacer', height: 90 },
    { kind: 'title', text: '重庆市博士后科研工作站' },
    { kind: 'title', text: '认 定 备 案 证 书' },
    { kind: 'spacer', height: 40 },
    { kind: 'field', label: '工作站编号', value: s.number },
    { kind: 'field', label: '设站单位', value: s.unitName },
    { kind: 'field', label: '所属区县', value: s.region },
    { kind: 'field', label: '认定日期', value: `${d[0]}年${d[1]}月${d[2]}日` },
    { kind: 'spacer', height: 24 },
    {
      kind: 'paragraph',
      text: '经单位申报、区县博管办审核推荐、市博管办认定，准予设立重庆市博士后科研工作站，特发此证。',
    },
    { kind: 'spacer', height: 40 },
    { kind: 'boxes', labels: ['重庆市博士后工作办公室（盖章）'], height: 120 },
  ];
  return renderPdf(blocks, { title: `工作站认定备案证书 ${s.number}`, footer: `博后通 · ${s.number}` });
}
