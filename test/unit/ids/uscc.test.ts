import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidOrganizationCode, organizationCodeCheckChar } from '../../../shared/ids/organization-code';
import { checkUscc, generateUscc, isValidUscc, USCC_CHARSET, usccCheckChar } from '../../../shared/ids/uscc';

/**
 * Published codes: the worked example of GB 32100-2015 and codes printed on the business licences of
 * well-known companies. Each passes both the USCC and the GB 11714 check characters.
 */
const PUBLISHED_USCCS = {
  'GB 32100-2015 example': '91350100M000100Y43',
  '腾讯科技（深圳）有限公司': '9144030071526726XG',
  '阿里巴巴（中国）有限公司': '91330100799655058B',
  华为技术有限公司: '914403001922038216',
  北京百度网讯科技有限公司: '91110000802100433B',
  小米科技有限责任公司: '91110108551385082Q',
  中国石油化工股份有限公司: '91110000710926094P',
  贵州茅台酒股份有限公司: '91520000214434146R',
  比亚迪股份有限公司: '91440300192317458F',
  珠海格力电器股份有限公司: '91440400192548256N',
  中国工商银行股份有限公司: '91100000100003962T',
};

/** A valid USCC built from fast-check's choices, so a failing case shrinks to a readable code. */
const usccArbitrary = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 8, maxLength: 8 }),
    fc.constantFrom('440111', '440106', '110000', '310115'),
    fc.constantFrom(['9', '1'], ['9', '2'], ['9', '3'], ['5', '1'], ['1', '2']),
  )
  .map(([organizationCode, regionCode, [registrationAuthority, entityType]]) =>
    generateUscc({ organizationCode, regionCode, registrationAuthority, entityType }),
  );

describe('checkUscc', () => {
  it.each(Object.entries(PUBLISHED_USCCS))('accepts the published code of %s', (_, code) => {
    expect(checkUscc(code)).toEqual({ ok: true });
  });

  it.each([
    ['9144030071526726X', 'length'],
    ['9144030071526726XGG', 'length'],
    ['9144030071526726XI', 'charset'],
    ['9144030071526726xg', 'charset'],
    ['9144030071526726XH', 'check-digit'],
    ['91440300715267260G', 'check-digit'],
    ['91350100M000100Y44', 'check-digit'],
  ] as const)('rejects %s for its %s', (code, reason) => {
    expect(checkUscc(code)).toEqual({ ok: false, reason });
  });

  it('rejects a code whose region code is not six digits even when the check character fits', () => {
    // Prepare
    const first17 = '91A4030071526726X';

    // Act
    const check = checkUscc(first17 + usccCheckChar(first17));

    // Assess
    expect(check).toEqual({ ok: false, reason: 'region-code' });
  });

  it('rejects a code whose organisation code fails GB 11714 even when the final check character fits', () => {
    // Prepare: 71526726-X is Tencent's organisation code; 71526726-1 is not an organisation code.
    const first17 = '91440300715267261';

    // Act
    const check = checkUscc(first17 + usccCheckChar(first17));

    // Assess
    expect(check).toEqual({ ok: false, reason: 'organization-code' });
  });
});

describe('usccCheckChar', () => {
  it('computes the check character of the GB 32100 example', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses a body that is not 17 USCC characters', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
});

describe('GB 11714 organisation code', () => {
  it.each([
    ['71526726', 'X'],
    ['M000100Y', '4'],
    ['19220382', '1'],
  ])('the body %s has the check character %s', (body, check) => {
    expect(organizationCodeCheckChar(body)).toBe(check);
    expect(isValidOrganizationCode(body + check)).toBe(true);
  });

  it('rejects a wrong check character and a wrong length', () => {
    expect(isValidOrganizationCode('715267261')).toBe(false);
    expect(isValidOrganizationCode('71526726')).toBe(false);
  });
});

describe('generateUscc', () => {
  it('builds a Baiyun enterprise code by default', () => {
    // Act
    const code = generateUscc({ organizationCode: 'MA5EXAMP' });

    // Assess
    expect(code).toBe('91440111MA5EXAMP00');
    expect(isValidUscc(code)).toBe(true);
  });

  it('uses a whole organisation code as given and refuses an invalid one', () => {
    expect(generateUscc({ organizationCode: '71526726X', regionCode: '440300' })).toBe('9144030071526726XG');
    expect(() => generateUscc({ organizationCode: '715267261' })).toThrow(RangeError);
    expect(() => generateUscc({ organizationCode: 'MA5EXOMP' })).toThrow(RangeError);
    expect(() => generateUscc({ regionCode: '4401' })).toThrow(RangeError);
  });

  it('produces valid codes from the random source', () => {
    fc.assert(
      fc.property(
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (stream) => {
          const numbers = stream[Symbol.iterator]();
          return isValidUscc(generateUscc({ random: () => numbers.next().value as number }));
        },
      ),
    );
  });

  it('produces codes that validate, whatever the parts', () => {
    fc.assert(fc.property(usccArbitrary, (code) => isValidUscc(code)));
  });

  it('produces codes in which every single-character substitution is caught by the check character', () => {
    fc.assert(
      fc.property(
        usccArbitrary,
        fc.nat({ max: 17 }),
        fc.integer({ min: 1, max: USCC_CHARSET.length - 1 }),
        (code, position, shift) => {
          const original = USCC_CHARSET.indexOf(code.charAt(position));
          const replacement = USCC_CHARSET.charAt((original + shift) % USCC_CHARSET.length);
          const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(checkUscc(corrupted)).toEqual({ ok: false, reason: 'check-digit' });
        },
      ),
    );
  });
});
