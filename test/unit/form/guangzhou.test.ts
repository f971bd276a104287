import { describe, expect, it } from 'vitest';
import { composeCompanyName, GUANGZHOU_DISTRICTS, isStreetOf, SERVICE_CENTRES } from '../../../shared/form';

describe('Guangzhou districts and towns/streets', () => {
  it('lists the 11 districts with their GB/T 2260 codes', () => {
    expect(GUANGZHOU_DISTRICTS.map((district) => `${district.code} ${district.name}`)).toEqual([
      '440104 越秀区',
      '440105 海珠区',
      '440103 荔湾区',
      '440106 天河区',
      '440111 白云区',
      '440112 黄埔区',
      '440113 番禺区',
      '440114 花都区',
      '440115 南沙区',
      '440117 从化区',
      '440118 增城区',
    ]);
  });

  it('has 176 towns and streets, 24 of them in Baiyun, none listed twice in a district', () => {
    expect(GUANGZHOU_DISTRICTS.reduce((count, district) => count + district.streets.length, 0)).toBe(176);
    expect(GUANGZHOU_DISTRICTS.find((district) => district.name === '白云区')?.streets).toHaveLength(24);
    for (const district of GUANGZHOU_DISTRICTS)
      expect(new Set(district.streets).size).toBe(district.streets.length);
  });

  it('knows which district a street belongs to, even where two districts share a street name', () => {
    expect(isStreetOf('白云区', '京溪街道')).toBe(true);
    expect(isStreetOf('白云区', '五山街道')).toBe(false);
    expect(isStreetOf('越秀区', '白云街道')).toBe(true);
    expect(isStreetOf('天河区', '新塘街道')).toBe(true);
    expect(isStreetOf('增城区', '新塘镇')).toBe(true);
    expect(isStreetOf('宝安区', '新安街道')).toBe(false);
  });

  it('offers pickup at the municipal centre and at each district centre', () => {
    expect(SERVICE_CENTRES).toHaveLength(12);
    expect(SERVICE_CENTRES).toContainEqual({ id: 'baiyun-district', name: '广州市白云区政务服务中心' });
  });
});

describe('composeCompanyName', () => {
  it('puts the region first or in full-width brackets after the trade name', () => {
    const parts = {
      region: '广州',
      tradeName: '云启',
      industry: '科技',
      organizationForm: '有限公司',
    } as const;
    expect(composeCompanyName({ ...parts, placement: 'prefix' })).toBe('广州云启科技有限公司');
    expect(composeCompanyName({ ...parts, placement: 'bracketed' })).toBe('云启（广州）科技有限公司');
  });
});
