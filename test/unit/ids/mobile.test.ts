import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidMobile, maskMobile, normalizeMobile } from '../../../shared/ids/mobile';

const SEGMENTS = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'],
  ...['145', '146', '147', '148', '149', '150', '151', '152', '153', '155', '156', '157', '158', '159'],
  ...['162', '165', '166', '167', '170', '171', '172', '173', '174', '175', '176', '177', '178'],
  ...['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'],
  ...['190', '191', '192', '193', '194', '195', '196', '197', '198', '199'],
];

const subscriberDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 });

describe('normalizeMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['86-138-0013-8000', '13800138000'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it.each([
    ['a 12x prefix', '12345678901'],
    ['the unassigned 154 segment', '15400000000'],
    ['the 140 IoT segment', '14012345678'],
    ['the 160 segment', '16012345678'],
    ['the 179 segment', '17912345678'],
    ['10 digits', '1380013800'],
    ['12 digits', '138001380001'],
    ['another country code', '+85213800138000'],
    ['a 0086 prefix', '008613800138000'],
    ['letters', '1380013800a'],
    ['a landline', '02087654321'],
  ])('rejects %s', (_, input) => {
    expect(isValidMobile(input)).toBe(false);
  });

  it('accepts every number of every segment in use, however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEGMENTS),
        subscriberDigits,
        fc.constantFrom('', '+86 ', '86'),
        (segment, rest, prefix) => {
          const bare = segment + rest;
          const written = `${prefix}${bare.slice(0, 3)} ${bare.slice(3, 7)}-${bare.slice(7)}`;
          expect(normalizeMobile(written)).toBe(bare);
        },
      ),
    );
  });
});

describe('maskMobile', () => {
  it('keeps the segment and the last four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('never shows the middle four digits of any valid number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEGMENTS), fc.stringMatching(/^\d{8}$/), (segment, rest) => {
        const masked = maskMobile(`${segment}${rest}`);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(-4)).toBe(rest.slice(-4));
      }),
    );
  });

  it('stars a string too short to keep both ends', () => {
    expect(maskMobile('1380')).toBe('****');
  });
});
