import type { CandidateFeatures, NeedFeatures } from './recommend.js';

/*
 * A small labelled set for the recommendation scorer. The grades were written from the meaning of each
 * need and each candidate's profile — who a programme officer would call for this need — before the
 * scorer was run: 2 = should be among the first, 1 = worth showing, absent = not relevant. Keywords are as
 * jieba cuts them. Candidates marked † may not take the need's kind (seed 002 §三(三)) and must never appear.
 */
export const TODAY = '2026-11-24';
const D = '2026-12-31';

export const NEEDS: NeedFeatures[] = [
  {
    id: 1,
    kind: 'tech',
    domain: 'new_materials',
    regionId: 1,
    deadline: D,
    words: ['锂电池', '正极', '材料', '循环', '寿命'],
  },
  {
    id: 2,
    kind: 'tech',
    domain: 'biomedicine',
    regionId: 2,
    deadline: D,
    words: ['肿瘤', '早期', '筛查', '液体', '活检', '试剂'],
  },
  {
    id: 3,
    kind: 'tech',
    domain: 'next_gen_it',
    regionId: 3,
    deadline: D,
    words: ['工业', '视觉', '缺陷', '检测', '算法'],
  },
  {
    id: 4,
    kind: 'transfer',
    domain: 'agriculture_food',
    regionId: 2,
    deadline: D,
    words: ['柑橘', '保鲜', '冷链', '果品'],
  },
  {
    id: 5,
    kind: 'tech',
    domain: 'high_end_equipment',
    regionId: 1,
    deadline: D,
    words: ['数控', '机床', '主轴', '振动', '抑制'],
  },
  // Past its deadline: never recommended to anyone.
  {
    id: 6,
    kind: 'tech',
    domain: 'new_materials',
    regionId: 1,
    deadline: '2026-11-01',
    words: ['锂电池', '正极'],
  },
];

const phd = { degree: 'doctorate', postdocStatus: 'none' };
const postdoc = { degree: 'doctorate', postdocStatus: 'in_station' };
const master = { degree: 'master', postdocStatus: 'none' };
const person = (
  id: number,
  facts: { degree: string; postdocStatus: string },
  domains: CandidateFeatures['domains'],
  words: string[],
  regionId: number,
  activity: CandidateFeatures['activity'] = [],
): CandidateFeatures => ({ kind: 'person', id, person: facts, domains, words, regionId, activity });
const unit = (
  id: number,
  registrationDate: string,
  domains: CandidateFeatures['domains'],
  words: string[],
  regionId: number,
  activity: CandidateFeatures['activity'] = [],
): CandidateFeatures => ({ kind: 'unit', id, registrationDate, domains, words, regionId, activity });

export const CANDIDATES: CandidateFeatures[] = [
  person(101, postdoc, ['new_materials'], ['锂电池', '正极', '电化学'], 1, [
    { domain: 'new_materials', what: 'match' },
  ]),
  person(102, phd, ['new_energy'], ['锂电池', '储能', '电池管理'], 3),
  person(103, phd, ['new_materials'], ['陶瓷', '涂层'], 2),
  person(104, master, ['new_materials'], ['锂电池', '正极'], 1), // †
  person(105, postdoc, ['biomedicine'], ['肿瘤', '液体', '活检', '基因'], 2, [
    { domain: 'biomedicine', what: 'solution' },
  ]),
  person(106, phd, ['biomedicine'], ['疫苗', '免疫'], 4),
  person(107, phd, ['next_gen_it'], ['视觉', '检测', '深度学习', '算法'], 3),
  person(108, phd, ['next_gen_it'], ['区块链', '数据库'], 5),
  person(109, phd, ['high_end_equipment'], ['机床', '振动', '数控'], 1, [
    { domain: 'high_end_equipment', what: 'match' },
  ]),
  person(110, phd, ['high_end_equipment'], ['机器人', '减速器'], 2),
  person(111, phd, ['culture_creative'], ['文创', '设计'], 1),
  person(112, phd, ['agriculture_food'], ['柑橘', '育种'], 2),
  person(113, phd, ['other'], ['检测'], 3),
  person(114, postdoc, ['new_materials'], ['石墨烯', '复合材料', '材料'], 4),
  person(115, phd, ['biomedicine'], ['医疗器械', '康复'], 2),
  person(116, phd, ['next_gen_it'], ['工业', '视觉', '缺陷', '检测'], 5, [
    { domain: 'next_gen_it', what: 'match' },
  ]),
  person(117, phd, ['new_energy'], ['光伏', '逆变器'], 1),
  person(118, phd, ['energy_saving'], ['振动', '噪声'], 3),
  person(119, phd, ['biomedicine'], ['肿瘤', '筛查', '早期'], 6),
  person(120, master, ['next_gen_it'], ['视觉', '检测'], 3), // †
  unit(201, '2015-03-01', ['agriculture_food'], ['柑橘', '果品', '冷链', '加工'], 2),
  unit(202, '2026-06-01', ['agriculture_food'], ['柑橘', '保鲜'], 2), // † registered < 1 year
  unit(203, '2010-05-20', ['agriculture_food'], ['茶叶', '加工'], 7),
  unit(204, '2018-01-01', ['next_gen_it'], ['软件', '视觉', '检测'], 3), // † units do not take tech needs
  unit(205, '2012-09-09', ['other'], ['保鲜', '包装'], 2),
  unit(206, '2019-04-04', ['agriculture_food'], ['冷链', '物流', '保鲜'], 8, [
    { domain: 'agriculture_food', what: 'match' },
  ]),
  unit(207, '2020-02-02', ['biomedicine'], ['试剂'], 2),
  unit(208, '2011-11-11', ['new_materials'], ['涂层'], 1),
];

/** need id → candidate id → grade (2 first choice, 1 relevant). */
export const LABELS: Record<number, Record<number, 1 | 2>> = {
  1: { 101: 2, 102: 1, 103: 1, 114: 1 },
  2: { 105: 2, 119: 2, 106: 1, 115: 1 },
  3: { 107: 2, 116: 2, 108: 1, 113: 1 },
  4: { 201: 2, 206: 2, 203: 1, 205: 1 },
  5: { 109: 2, 110: 1, 118: 1 },
};

/** Candidates the rules exclude from every need of the given kind. */
export const INELIGIBLE = { tech: [104, 120, 201, 202, 203, 204, 205, 206, 207, 208], transfer: [202] };

/** For a person or unit, the need a programme officer would show first. */
export const BEST_NEED: Record<number, number> = { 101: 1, 105: 2, 107: 3, 109: 5, 201: 4, 206: 4 };
