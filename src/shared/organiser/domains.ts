import type { Domain } from '../roles.js';

/*
 * A person's research field and a unit's activity are free text; the recommendation scorer compares domains.
 * These cue words (substrings, Chinese) map a text to the nine domains of seed 002; a text may name several.
 */
const CUES: Record<Exclude<Domain, 'other'>, readonly string[]> = {
  next_gen_it: [
    '信息',
    '软件',
    '计算机',
    '人工智能',
    '算法',
    '数据',
    '通信',
    '电子',
    '芯片',
    '网络',
    '视觉',
    '物联网',
  ],
  biomedicine: ['生物', '医药', '医学', '药', '临床', '基因', '肿瘤', '健康', '医疗', '疫苗', '免疫'],
  high_end_equipment: ['装备', '机械', '机床', '机器人', '自动化', '航空', '控制工程', '仪器', '数控'],
  new_materials: ['材料', '化学', '高分子', '复合', '纳米', '石墨烯', '涂层', '冶金', '陶瓷'],
  new_energy: ['能源', '电池', '储能', '光伏', '氢能', '新能源汽车', '锂'],
  energy_saving: ['环保', '节能', '环境', '污水', '减排', '固废', '噪声'],
  agriculture_food: ['农业', '食品', '作物', '养殖', '园艺', '柑橘', '茶', '种植', '畜牧', '果蔬'],
  culture_creative: ['文化', '创意', '设计', '艺术', '传媒', '文创'],
};

/** The domains a free text speaks of, in the table's order (none when no cue appears). */
export function inferDomains(text: string): Domain[] {
  return (Object.keys(CUES) as Array<keyof typeof CUES>).filter((d) =>
    CUES[d].some((cue) => text.includes(cue)),
  );
}
