/**
 * Guangzhou's 11 districts and their towns and streets (镇街).
 *
 * Source: National Bureau of Statistics, 统计用区划代码和城乡划分代码 (2022 edition: divisions as of
 * 2022-10-31, published 2022-12-29), as extracted in github.com/modood/Administrative-divisions-of-China
 * (dist/streets.csv). 176 towns and streets; the two statistical units of Conghua that are not towns or
 * streets (黄龙带水库, 大岭山林场) are left out. District codes are GB/T 2260. Re-check against the
 * Ministry of Civil Affairs list when Guangzhou redraws a boundary.
 */

export interface GuangzhouDistrict {
  /** 行政区划名称, as written in addresses and company names. */
  name: string;
  /** GB/T 2260 code. */
  code: string;
  /** Latin id for URLs and other ids. */
  slug: string;
  /** 镇街: the official names of its towns (镇) and streets (街道). */
  streets: readonly string[];
}

// biome-ignore format: a data table, kept in rows
export const GUANGZHOU_DISTRICTS = [
  {
    name: '越秀区',
    code: '440104',
    slug: 'yuexiu',
    streets: [
      '洪桥街道', '北京街道', '六榕街道', '流花街道', '光塔街道', '人民街道', '东山街道', '农林街道', '梅花村街道',
      '黄花岗街道', '华乐街道', '建设街道', '大塘街道', '珠光街道', '大东街道', '白云街道', '登峰街道', '矿泉街道',
    ],
  },
  {
    name: '海珠区',
    code: '440105',
    slug: 'haizhu',
    streets: [
      '赤岗街道', '新港街道', '昌岗街道', '江南中街道', '滨江街道', '素社街道', '海幢街道', '南华西街道', '龙凤街道',
      '沙园街道', '南石头街道', '凤阳街道', '瑞宝街道', '江海街道', '琶洲街道', '南洲街道', '华洲街道', '官洲街道',
    ],
  },
  {
    name: '荔湾区',
    code: '440103',
    slug: 'liwan',
    streets: [
      '沙面街道', '岭南街道', '华林街道', '多宝街道', '昌华街道', '逢源街道', '龙津街道', '金花街道', '彩虹街道',
      '南源街道', '西村街道', '站前街道', '桥中街道', '白鹤洞街道', '冲口街道', '花地街道', '石围塘街道', '茶滘街道',
      '东漖街道', '海龙街道', '东沙街道', '中南街道',
    ],
  },
  {
    name: '天河区',
    code: '440106',
    slug: 'tianhe',
    streets: [
      '五山街道', '员村街道', '车陂街道', '沙河街道', '石牌街道', '沙东街道', '天河南街道', '林和街道', '兴华街道',
      '棠下街道', '天园街道', '猎德街道', '冼村街道', '元岗街道', '黄村街道', '长兴街道', '龙洞街道', '凤凰街道',
      '前进街道', '珠吉街道', '新塘街道',
    ],
  },
  {
    name: '白云区',
    code: '440111',
    slug: 'baiyun',
    streets: [
      '三元里街道', '松洲街道', '景泰街道', '同德街道', '黄石街道', '棠景街道', '新市街道', '同和街道', '京溪街道',
      '永平街道', '嘉禾街道', '均禾街道', '石井街道', '金沙街道', '云城街道', '鹤龙街道', '白云湖街道', '石门街道',
      '龙归街道', '大源街道', '人和镇', '太和镇', '钟落潭镇', '江高镇',
    ],
  },
  {
    name: '黄埔区',
    code: '440112',
    slug: 'huangpu',
    streets: [
      '黄埔街道', '红山街道', '鱼珠街道', '大沙街道', '文冲街道', '穗东街道', '南岗街道', '长洲街道', '夏港街道',
      '萝岗街道', '云埔街道', '联和街道', '永和街道', '长岭街道', '九佛街道', '龙湖街道', '新龙镇',
    ],
  },
  {
    name: '番禺区',
    code: '440113',
    slug: 'panyu',
    streets: [
      '市桥街道', '沙头街道', '东环街道', '桥南街道', '小谷围街道', '大石街道', '洛浦街道', '石壁街道', '钟村街道',
      '大龙街道', '沙湾街道', '南村镇', '新造镇', '化龙镇', '石楼镇', '石碁镇',
    ],
  },
  {
    name: '花都区',
    code: '440114',
    slug: 'huadu',
    streets: ['新华街道', '花城街道', '秀全街道', '新雅街道', '梯面镇', '花山镇', '花东镇', '炭步镇', '赤坭镇', '狮岭镇'],
  },
  {
    name: '南沙区',
    code: '440115',
    slug: 'nansha',
    streets: ['南沙街道', '珠江街道', '龙穴街道', '万顷沙镇', '横沥镇', '黄阁镇', '东涌镇', '大岗镇', '榄核镇'],
  },
  {
    name: '从化区',
    code: '440117',
    slug: 'conghua',
    streets: ['街口街道', '江埔街道', '城郊街道', '温泉镇', '良口镇', '吕田镇', '太平镇', '鳌头镇'],
  },
  {
    name: '增城区',
    code: '440118',
    slug: 'zengcheng',
    streets: [
      '荔城街道', '增江街道', '朱村街道', '永宁街道', '荔湖街道', '宁西街道', '新塘镇', '石滩镇', '中新镇', '正果镇',
      '派潭镇', '小楼镇', '仙村镇',
    ],
  },
] as const satisfies readonly GuangzhouDistrict[];

export type GuangzhouDistrictName = (typeof GUANGZHOU_DISTRICTS)[number]['name'];

export const GUANGZHOU_DISTRICT_NAMES = GUANGZHOU_DISTRICTS.map((district) => district.name) as [
  GuangzhouDistrictName,
  ...GuangzhouDistrictName[],
];

export const GUANGZHOU_CITY = '广州市';

export function districtNamed(name: string): GuangzhouDistrict | undefined {
  return GUANGZHOU_DISTRICTS.find((district) => district.name === name);
}

export function isStreetOf(districtName: string, street: string): boolean {
  return districtNamed(districtName)?.streets.includes(street) ?? false;
}
