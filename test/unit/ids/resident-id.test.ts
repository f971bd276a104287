import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateOf,
  checkResidentId,
  generateResidentId,
  isValidResidentId,
  maskResidentId,
  residentIdCheckChar,
} from '../../../shared/ids/resident-id';

const TODAY = '2025-06-02';

const birthDateArbitrary = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const residentIdArbitrary = fc
  .record({
    regionCode: fc.constantFrom('110105', '440111', '440106', '310115', '650102', '540102'),
    birthDate: birthDateArbitrary,
    sequence: fc.nat({ max: 999 }),
  })
  .map(generateResidentId);

describe('checkResidentId', () => {
  it('accepts the example of GB 11643-1999', () => {
    expect(checkResidentId('11010519491231002X', TODAY)).toEqual({ ok: true });
  });

  it('computes the check character of both GB 11643-1999 examples', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects the standard’s 1880 example for its birth date: this form takes births from 1900', () => {
    expect(checkResidentId('440524188001010014', TODAY)).toEqual({ ok: false, reason: 'birth-date' });
  });

  it.each([
    ['11010519491231002', 'length'],
    ['11010519491231002XX', 'length'],
    ['11010519491231002x', 'charset'],
    ['1101051949123100X2', 'charset'],
    ['710105194912310028', 'province'],
    ['99010519491231002X', 'province'],
    ['110105194902300025', 'birth-date'],
    ['110105202506030028', 'birth-date'],
    ['110105194912310021', 'check-digit'],
  ] as const)('rejects %s for its %s', (id, reason) => {
    expect(checkResidentId(id, TODAY)).toEqual({ ok: false, reason });
  });

  it('accepts 29 February of a leap year and not of a common year', () => {
    expect(
      isValidResidentId(
        generateResidentId({ regionCode: '440111', birthDate: '2000-02-29', sequence: 1 }),
        TODAY,
      ),
    ).toBe(true);
    const body = '44011119000229001';
    expect(checkResidentId(body + residentIdCheckChar(body), TODAY)).toEqual({
      ok: false,
      reason: 'birth-date',
    });
  });

  it('accepts every generated ID', () => {
    fc.assert(fc.property(residentIdArbitrary, (id) => isValidResidentId(id, TODAY)));
  });

  it('catches every single-digit change in the body with the check character', () => {
    fc.assert(
      fc.property(
        residentIdArbitrary,
        fc.nat({ max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, position, shift) => {
          const digit = (Number(id.charAt(position)) + shift) % 10;
          const corrupted = id.slice(0, position) + String(digit) + id.slice(position + 1);
          expect(residentIdCheckChar(corrupted.slice(0, 17))).not.toBe(id.charAt(17));
          expect(isValidResidentId(corrupted, TODAY)).toBe(false);
        },
      ),
    );
  });
});

describe('birthDateOf and ageOn', () => {
  const id = generateResidentId({ regionCode: '440111', birthDate: '2007-06-02', sequence: 12 });

  it('reads the birth date', () => {
    expect(birthDateOf(id)).toBe('2007-06-02');
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
  });

  it('counts a birthday from its own day', () => {
    expect(ageOn(id, '2025-06-01')).toBe(17);
    expect(ageOn(id, '2025-06-02')).toBe(18);
    expect(ageOn('11010519491231002X', '2024-12-30')).toBe(74);
    expect(ageOn('11010519491231002X', '2024-12-31')).toBe(75);
  });

  it('counts someone born on 29 February as a year older on 1 March', () => {
    const leapling = generateResidentId({ regionCode: '440111', birthDate: '2004-02-29', sequence: 3 });
    expect(ageOn(leapling, '2022-02-28')).toBe(17);
    expect(ageOn(leapling, '2022-03-01')).toBe(18);
  });
});

describe('generateResidentId', () => {
  it('refuses parts that cannot make an ID', () => {
    expect(() => generateResidentId({ regionCode: '4401', birthDate: '1990-01-01', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => generateResidentId({ regionCode: '440111', birthDate: '1990-02-30', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() =>
      generateResidentId({ regionCode: '440111', birthDate: '1990-01-01', sequence: 1000 }),
    ).toThrow(RangeError);
  });
});

describe('maskResidentId', () => {
  it('keeps the first three and the last four characters', () => {
    expect(maskResidentId('110105199003071234')).toBe('110***********1234');
    expect(maskResidentId('44011119860418217X')).toBe('440***********217X');
  });

  it('hides the birth date and sequence of every valid number', () => {
    fc.assert(
      fc.property(birthDateArbitrary, fc.integer({ min: 0, max: 999 }), (birthDate, sequence) => {
        const id = generateResidentId({ regionCode: '440111', birthDate, sequence });
        const masked = maskResidentId(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(3, 14)).toBe('*'.repeat(11));
        expect(masked).not.toContain(birthDate.replaceAll('-', ''));
      }),
    );
  });

  it('stars a string too short to keep both ends', () => {
    expect(maskResidentId('1101')).toBe('****');
  });
});
