/**
 * The district offices of seed 000 附件2, in its order, with the corrections DOMAIN.md asks for:
 * entry 30 reads 忠州 in the notice but the county is 忠县; entry 40 (万盛区) is the 万盛经开区;
 * entry 41 spans two lines in the notice and is one office, 西部科学城重庆高新区.
 */
export const DISTRICT_OFFICES: ReadonlyArray<readonly [name: string, nameEn: string, phone: string]> = [
  ['万州区', 'Wanzhou District', '58221792'],
  ['黔江区', 'Qianjiang District', '79221648'],
  ['涪陵区', 'Fuling District', '72221107'],
  ['渝中区', 'Yuzhong District', '63765136'],
  ['大渡口区', 'Dadukou District', '68902163'],
  ['江北区', 'Jiangbei District', '67613597'],
  ['沙坪坝区', 'Shapingba District', '65096670'],
  ['九龙坡区', 'Jiulongpo District', '61968919'],
  ['南岸区', "Nan'an District", '62986606'],
  ['北碚区', 'Beibei District', '68216264'],
  ['渝北区', 'Yubei District', '67821533'],
  ['巴南区', 'Banan District', '66226008'],
  ['长寿区', 'Changshou District', '40245134'],
  ['江津区', 'Jiangjin District', '47521235'],
  ['合川区', 'Hechuan District', '42739770'],
  ['永川区', 'Yongchuan District', '49822425'],
  ['南川区', 'Nanchuan District', '71420469'],
  ['綦江区', 'Qijiang District', '87268707'],
  ['大足区', 'Dazu District', '43767539'],
  ['璧山区', 'Bishan District', '41412132'],
  ['铜梁区', 'Tongliang District', '45630175'],
  ['潼南区', 'Tongnan District', '44558307'],
  ['荣昌区', 'Rongchang District', '46773430'],
  ['开州区', 'Kaizhou District', '52218662'],
  ['梁平区', 'Liangping District', '53224012'],
  ['武隆区', 'Wulong District', '77722036'],
  ['城口县', 'Chengkou County', '59225936'],
  ['丰都县', 'Fengdu County', '70605625'],
  ['垫江县', 'Dianjiang County', '74688766'],
  ['忠县', 'Zhong County', '54236639'],
  ['云阳县', 'Yunyang County', '55129685'],
  ['奉节县', 'Fengjie County', '56515008'],
  ['巫山县', 'Wushan County', '57692625'],
  ['巫溪县', 'Wuxi County', '51520450'],
  ['石柱县', 'Shizhu County', '81506789'],
  ['秀山县', 'Xiushan County', '76889338'],
  ['酉阳县', 'Youyang County', '81530007'],
  ['彭水县', 'Pengshui County', '78496338'],
  ['两江新区', 'Liangjiang New Area', '67212050'],
  ['万盛经开区', 'Wansheng Economic Development Zone', '48296918'],
  ['西部科学城重庆高新区', 'Western China Science City Chongqing High-tech Zone', '68681116'],
];

export const MUNICIPAL_OFFICE = {
  code: 'CQ',
  name: '重庆市博士后工作办公室（市博管办）',
  nameEn: 'Chongqing Municipal Postdoctoral Office',
  phone: '88152120',
} as const;

/** Codes D01…D41 follow the notice's numbering. */
export function districtCode(index: number): string {
  return `D${String(index + 1).padStart(2, '0')}`;
}
