import { sql } from 'kysely';
import { AppError } from '../../core/errors.js';
import { containsText, type DbOrTrx } from '../../db/index.js';
import { authorize, authorizeType, type Actor } from '../../policy/index.js';
import { publicBody } from '../../../shared/challenges/form.js';
import { inferDomains } from '../../../shared/organiser/domains.js';
import {
  rankNeedsForCandidate,
  rankTakersForNeed,
  type ActivityFact,
  type CandidateFeatures,
  type NeedFeatures,
  type Reason,
} from '../../../shared/organiser/recommend.js';
import { DOMAINS, todayInChina, type Domain } from '../../../shared/roles.js';
import { toRecord, type ChallengeRecord } from '../challenges/load.js';
import { jiebaSegmenter } from '../challenges/segmenter.js';

/*
 * Recommendations (issue #6): the server gathers features — keywords by jieba, domains from profiles and past
 * activity — for a bounded set of candidates picked by SQL, and the pure scorer (shared/organiser/recommend.ts)
 * ranks them with reasons. Only what the viewer may see is returned (names, institution; no contact data).
 */
const CANDIDATE_LIMIT = 400;
const seg = jiebaSegmenter([]);
const isDomain = (d: string): d is Domain => (DOMAINS as readonly string[]).includes(d);

/** The distinctive words of a text: jieba words of two or more characters, rarest first (at most `max`). */
export function keywords(text: string, max = 15): string[] {
  const words = new Set(
    seg
      .cut(text)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => (/[\u4e00-\u9fff]/.test(w) && w.length >= 2) || /^[a-z0-9]{3,}$/.test(w)),
  );
  return [...words]
    .filter((w) => seg.weight(w) >= 7)
    .sort((a, b) => seg.weight(b) - seg.weight(a))
    .slice(0, max);
}

function needFeatures(c: ChallengeRecord): NeedFeatures {
  return {
    id: c.id,
    kind: c.kind,
    domain: isDomain(c.publicPart.domain) ? c.publicPart.domain : 'other',
    words: keywords(`${c.title} ${c.title} ${publicBody(c.publicPart)}`),
    regionId: c.regionId,
    deadline: c.deadline,
  };
}

/** Past 揭榜 of people (by leader or confirmed member) and units, by the domain of the need. */
async function activityOf(db: DbOrTrx, kind: 'person' | 'unit', ids: number[]) {
  const out = new Map<number, { facts: ActivityFact[]; titles: string[] }>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('signups as s')
    .innerJoin('challenges as c', 'c.id', 's.challenge_id')
    .leftJoin('solutions as so', (j) => j.onRef('so.signup_id', '=', 's.id').on('so.state', '=', 'submitted'))
    .select([
      kind === 'unit' ? 's.unit_id as who' : 's.leader_user_id as who',
      'c.domain',
      'c.title',
      'so.decision',
    ])
    .where(kind === 'unit' ? 's.unit_id' : 's.leader_user_id', 'in', ids)
    .where('s.state', '!=', 'withdrawn')
    .execute();
  for (const r of rows) {
    if (r.who === null || !isDomain(r.domain)) continue;
    const a = out.get(r.who) ?? { facts: [], titles: [] };
    a.facts.push({
      domain: r.domain,
      what: r.decision === 'matched' ? 'match' : r.decision ? 'solution' : 'signup',
    });
    a.titles.push(r.title);
    out.set(r.who, a);
  }
  return out;
}

interface Person {
  id: number;
  name: string;
  field: string;
  institution: string;
  degree: string;
  postdoc_status: string;
  region_id: number | null;
}

function personFeatures(p: Person, act?: { facts: ActivityFact[]; titles: string[] }): CandidateFeatures {
  return {
    kind: 'person',
    id: p.id,
    domains: inferDomains(p.field),
    words: keywords(`${p.field} ${(act?.titles ?? []).join(' ')}`, 30),
    regionId: p.region_id,
    activity: act?.facts ?? [],
    person: { degree: p.degree, postdocStatus: p.postdoc_status },
  };
}

interface Unit {
  id: number;
  name: string;
  registration_date: string;
  region_id: number;
}

async function unitFeatures(db: DbOrTrx, units: Unit[]): Promise<CandidateFeatures[]> {
  const act = await activityOf(
    db,
    'unit',
    units.map((u) => u.id),
  );
  const posted = units.length
    ? await db
        .selectFrom('challenges')
        .select(['unit_id', 'domain', 'title'])
        .where(
          'unit_id',
          'in',
          units.map((u) => u.id),
        )
        .where('state', '!=', 'draft')
        .execute()
    : [];
  return units.map((u) => {
    const own = posted.filter((p) => p.unit_id === u.id);
    const a = act.get(u.id);
    const domains = [...new Set(own.map((p) => p.domain).filter(isDomain))];
    return {
      kind: 'unit',
      id: u.id,
      domains: domains.length ? domains : inferDomains(u.name),
      words: keywords(`${u.name} ${own.map((p) => p.title).join(' ')} ${(a?.titles ?? []).join(' ')}`, 30),
      regionId: u.region_id,
      activity: a?.facts ?? [],
      registrationDate: u.registration_date,
    };
  });
}

const personQuery = (db: DbOrTrx) =>
  db
    .selectFrom('users as u')
    .innerJoin('person_profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'p.name', 'p.field', 'p.institution', 'p.degree', 'p.postdoc_status', 'u.region_id'])
    .where('u.role', '=', 'individual')
    .where('u.status', '=', 'active');

export interface RecommendedTaker {
  kind: 'person' | 'unit';
  id: number;
  name: string;
  detail: string;
  score: number;
  reasons: Reason[];
}

/** For a need: the best-fitting people (tech) or units (transfer); the poster and offices in scope. */
export async function recommendTakers(db: DbOrTrx, actor: Actor, challengeId: number, k = 10) {
  const row = await db.selectFrom('challenges').selectAll().where('id', '=', challengeId).executeTakeFirst();
  if (!row || row.state === 'draft') throw new AppError('NOT_FOUND');
  const c = toRecord(row);
  authorize(actor, 'need_recommendations', 'view', {
    regionId: c.regionId,
    posterUserId: c.posterUserId,
    posterUnitId: c.unitId,
  });
  const need = needFeatures(c);
  const label = need.words.slice(0, 6);
  const today = todayInChina();
  let candidates: CandidateFeatures[];
  const names = new Map<string, { name: string; detail: string }>();
  if (c.kind === 'tech') {
    // Prefilter: PhDs/postdocs whose field names the need's domain or a keyword, or who took needs of it.
    const active = db
      .selectFrom('signups as s')
      .innerJoin('challenges as c2', 'c2.id', 's.challenge_id')
      .select('s.leader_user_id')
      .where('c2.domain', '=', need.domain);
    // Those already taking this need (leaders or confirmed members) are its takers, not recommendations.
    const taking = db
      .selectFrom('signup_members as m')
      .innerJoin('signups as s', 's.id', 'm.signup_id')
      .select('m.user_id')
      .where('s.challenge_id', '=', c.id)
      .where('s.state', '!=', 'withdrawn');
    const people = await personQuery(db)
      .where('u.id', 'not in', taking)
      .where((eb) =>
        eb.or([
          eb('p.degree', '=', 'doctorate'),
          eb('p.postdoc_status', 'in', ['in_station', 'out_station']),
        ]),
      )
      .where('u.id', '!=', c.posterUserId)
      .where((eb) =>
        eb.or([
          eb('u.id', 'in', active),
          ...[...label, ...domainCues(need.domain)].map((w) => containsText('p.field', w)),
        ]),
      )
      .orderBy('u.id', 'desc')
      .limit(CANDIDATE_LIMIT)
      .execute();
    const act = await activityOf(
      db,
      'person',
      people.map((p) => p.id),
    );
    candidates = people.map((p) => personFeatures(p, act.get(p.id)));
    for (const p of people)
      names.set(`person:${p.id}`, { name: p.name, detail: `${p.institution} · ${p.field}` });
  } else {
    const units = await db
      .selectFrom('units')
      .select(['id', 'name', 'registration_date', 'region_id'])
      .where('registration_date', '!=', '')
      .where((eb) => (c.unitId ? eb('id', '!=', c.unitId) : sql<boolean>`1 = 1`))
      .where(
        'id',
        'not in',
        db
          .selectFrom('signups')
          .select('unit_id')
          .where('challenge_id', '=', c.id)
          .where('state', '!=', 'withdrawn')
          .where('unit_id', 'is not', null)
          .$narrowType<{ unit_id: number }>(),
      )
      .where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            db
              .selectFrom('challenges')
              .select('unit_id')
              .where('domain', '=', need.domain)
              .where('unit_id', 'is not', null)
              .$narrowType<{ unit_id: number }>(),
          ),
          eb(
            'id',
            'in',
            db
              .selectFrom('signups as s')
              .innerJoin('challenges as c2', 'c2.id', 's.challenge_id')
              .select('s.unit_id')
              .where('c2.domain', '=', need.domain)
              .where('s.unit_id', 'is not', null)
              .$narrowType<{ unit_id: number }>(),
          ),
          ...label.map((w) => containsText('name', w)),
        ]),
      )
      .orderBy('id', 'desc')
      .limit(CANDIDATE_LIMIT)
      .execute();
    candidates = await unitFeatures(db, units);
    for (const u of units)
      names.set(`unit:${u.id}`, { name: u.name, detail: `注册于 ${u.registration_date}` });
  }
  const ranked = rankTakersForNeed(need, candidates, today, k);
  return {
    need: { id: c.id, title: c.title, domain: need.domain, keywords: need.words },
    items: ranked.map<RecommendedTaker>((s) => ({
      kind: s.item.kind,
      id: s.item.id,
      ...(names.get(`${s.item.kind}:${s.item.id}`) ?? { name: '', detail: '' }),
      score: s.score,
      reasons: s.reasons,
    })),
  };
}

function domainCues(d: Domain): string[] {
  // The domain's own name is a cue too (a field reading "新材料" names the domain).
  const short: Partial<Record<Domain, string>> = {
    next_gen_it: '信息',
    biomedicine: '医',
    high_end_equipment: '装备',
    new_materials: '材料',
    new_energy: '能源',
    energy_saving: '环保',
    agriculture_food: '农',
    culture_creative: '文化',
  };
  return short[d] ? [short[d]] : [];
}

/** 为我推荐: the open needs that fit the signed-in person or unit best (public data only). */
export async function recommendNeeds(db: DbOrTrx, actor: Actor, k = 10) {
  authorizeType(actor, 'my_recommendations', 'view');
  const today = todayInChina();
  let me: CandidateFeatures;
  if (actor.role === 'unit' && actor.unitId) {
    const u = await db
      .selectFrom('units')
      .select(['id', 'name', 'registration_date', 'region_id'])
      .where('id', '=', actor.unitId)
      .executeTakeFirstOrThrow();
    [me] = (await unitFeatures(db, [u])) as [CandidateFeatures];
  } else {
    const p = await personQuery(db).where('u.id', '=', actor.id).executeTakeFirst();
    if (!p) return { items: [], profile: { domains: [], keywords: [] } };
    const act = await activityOf(db, 'person', [p.id]);
    me = personFeatures(p, act.get(p.id));
  }
  const taken = db
    .selectFrom('signups')
    .select('challenge_id')
    .where(
      actor.role === 'unit' ? 'unit_id' : 'leader_user_id',
      '=',
      actor.role === 'unit' ? actor.unitId : actor.id,
    )
    .where('state', '!=', 'withdrawn');
  const open = await db
    .selectFrom('challenges')
    .selectAll()
    .where('state', '=', 'published')
    .where('matched_at', 'is', null)
    .where('deadline', '>=', today)
    .where('poster_user_id', '!=', actor.id)
    .where('id', 'not in', taken)
    .where((eb) =>
      eb.or([
        ...(me.domains.length
          ? [eb('domain', 'in', [...me.domains, ...new Set(me.activity.map((a) => a.domain))])]
          : []),
        ...me.words.slice(0, 8).map((w) => containsText('title', w)),
        sql<boolean>`1 = 0`,
      ]),
    )
    .orderBy('published_at', 'desc')
    .limit(CANDIDATE_LIMIT)
    .execute();
  const records = open.map(toRecord);
  const ranked = rankNeedsForCandidate(me, records.map(needFeatures), today, k);
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    profile: { domains: me.domains, keywords: me.words.slice(0, 10) },
    items: ranked.map((s) => {
      const r = byId.get(s.item.id)!;
      return {
        id: r.id,
        title: r.title,
        kind: r.kind,
        domain: s.item.domain,
        deadline: r.deadline,
        regionId: r.regionId,
        score: s.score,
        reasons: s.reasons,
      };
    }),
  };
}
