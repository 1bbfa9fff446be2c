import type { CommandCtx } from '../src/server/core/context.js';
import type { DbHandle } from '../src/server/db/index.js';
import { loadActor } from '../src/server/modules/accounts/sessions.js';
import { acceptCommitment, createChallenge, transition } from '../src/server/modules/challenges/commands.js';
import { COMMITMENTS } from '../src/shared/challenges/commitment.js';
import { ChallengeInput, type ChallengeInputData } from '../src/shared/challenges/form.js';
import { todayInChina } from '../src/shared/roles.js';

function inDays(n: number): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function userId(h: DbHandle, username: string): Promise<number> {
  const u = await h.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return u.id;
}

/** Runs a command as `username` in its own transaction, through the same code as the API. */
async function as<T>(h: DbHandle, username: string, run: (ctx: CommandCtx) => Promise<T>): Promise<T> {
  const actor = await loadActor(h.db, await userId(h, username));
  return h.db
    .transaction()
    .execute((trx) => run({ trx, dialect: h.dialect, actor, ip: '127.0.0.1', userAgent: 'demo-script' }));
}

/** Posts a need and takes it through both review levels into the hall. */
async function publish(h: DbHandle, poster: string, input: ChallengeInputData): Promise<void> {
  const id = await as(h, poster, (ctx) => createChallenge(ctx, input));
  await as(h, poster, (ctx) => acceptCommitment(ctx, id, COMMITMENTS[input.kind].version));
  await as(h, poster, (ctx) => transition(ctx, id, 'submit', {}));
  await as(h, 'demo_city', (ctx) =>
    transition(ctx, id, 'municipal_approve', { opinion: '同意报部级审核。' }),
  );
  await as(h, 'demo_national', (ctx) => transition(ctx, id, 'national_publish', { opinion: '同意发布。' }));
}

/**
 * Demo postings in the 榜单大厅 (two technical challenges of the demo unit, one commercialisation need of the
 * demo postdoc), added once: skipped when the demo unit has posted anything already.
 */
export async function demoChallenges(h: DbHandle, regionId: number): Promise<number> {
  const unitUser = await userId(h, 'demo_unit');
  const any = await h.db
    .selectFrom('challenges')
    .select('id')
    .where('poster_user_id', '=', unitUser)
    .executeTakeFirst();
  if (any) return 0;
  const contact = { name: '王晓', phone: '023-63000000', email: 'hr@demo-unit.example.org' };
  const needs: Array<[string, unknown]> = [
    [
      'demo_unit',
      {
        kind: 'tech',
        title: '工业机器人视觉引导精密装配技术攻关',
        domain: 'high_end_equipment',
        regionId,
        deadline: inDays(60),
        problem: '汽车零部件柔性装配中，工件位姿识别误差大、节拍慢，需研发基于三维视觉的引导算法。',
        indicators: '定位精度 ±0.05 mm，单件识别时间不超过 0.5 秒，适配 20 种以上工件。',
        expectedOutcome: '可部署于产线的视觉引导软件与标定工具。',
        budgetWan: 180,
        support: '提供装配产线、工业机器人和历史图像数据。',
        confidential: { details: '现有产线节拍与缺陷数据见保密附件。', contact, attachmentIds: [] },
      },
    ],
    [
      'demo_unit',
      {
        kind: 'tech',
        title: '柑橘采后绿色保鲜与冷链损耗控制',
        domain: 'agriculture_food',
        regionId,
        deadline: inDays(90),
        problem: '柑橘采后贮运腐烂率高，化学保鲜剂残留受限，需研发绿色保鲜工艺。',
        indicators: '常温贮藏 60 天腐烂率低于 5%，无化学残留超标。',
        expectedOutcome: '保鲜工艺规程与冷链操作规范。',
        budgetWan: 120,
        support: '提供示范果园、冷库和检测条件。',
        confidential: { details: '', contact, attachmentIds: [] },
      },
    ],
    [
      'demo_postdoc',
      {
        kind: 'transfer',
        title: '高镍三元锂电池正极材料包覆改性技术成果转化',
        domain: 'new_energy',
        regionId,
        deadline: inDays(120),
        achievement: '通过原子层沉积包覆提升高镍正极材料循环稳定性，1000 次循环容量保持率 92%。',
        maturity: 'pilot',
        patents: [{ number: 'ZL202210000123.4', title: '一种高镍正极材料的包覆方法', owner: '重庆大学' }],
        ipOwnership: '专利权人为重庆大学，本人为第一发明人，学校同意转化。',
        market: '动力电池与储能电池材料企业。',
        partnerSought: '成立一年以上、具备正极材料中试条件的企业。',
        budgetWan: 800,
        confidential: {
          details: '',
          contact: { name: '李博', phone: '13800000000', email: 'libo@example.org' },
          attachmentIds: [],
        },
      },
    ],
  ];
  for (const [poster, body] of needs) await publish(h, poster, ChallengeInput.parse(body));
  return needs.length;
}
