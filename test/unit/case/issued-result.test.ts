import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { catalogueItem } from '../../../shared/case/items';
import { issuedResult } from '../../../shared/case/results';
import { applicationFormSchemaOn } from '../../../shared/form';

const FIXTURE = join(import.meta.dirname, '../../fixtures/applications/valid-baiyun-llc.json');
const FORM = applicationFormSchemaOn('2026-12-01').parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
/** Tuesday 2026-12-01, 10:00 Asia/Shanghai. */
const TUESDAY = new Date('2026-12-01T02:00:00.000Z');
/** Friday 2026-12-04, 23:30 Asia/Shanghai: still Friday there, already the weekend after it. */
const FRIDAY_NIGHT = new Date('2026-12-04T15:30:00.000Z');

const issue = (caseId: string, item: string, decidedAt = TUESDAY) =>
  issuedResult(caseId, item, FORM, catalogueItem(item).results, decidedAt);

describe('what an item beyond the first three issues (shared/case/results.ts issuedResult)', () => {
  test('fills in every field its catalogue results name, and parses with them', () => {
    // Act
    const result = issue('co-case-1', 'bank-appointment');

    // Assert
    expect(Object.keys(result).sort()).toEqual(['appointmentDate', 'appointmentNumber']);
    expect(catalogueItem('bank-appointment').results.safeParse(result).success).toBe(true);
    // Its initials, then Baiyun's district code, then eight digits.
    expect(result.appointmentNumber).toMatch(/^BA440111\d{8}$/);
  });

  test('is the same for the same case: a retried step issues the same numbers', () => {
    // Act
    const first = issue('co-case-1', 'food-business-licence');
    const again = issue('co-case-1', 'food-business-licence');

    // Assert
    expect(again).toEqual(first);
  });

  test('differs per case and per item', () => {
    // Act
    const licence = issue('co-case-1', 'food-business-licence').licenceNumber;
    const otherCase = issue('co-case-2', 'food-business-licence').licenceNumber;
    const filing = issue('co-case-1', 'clinic-practice').filingNumber;

    // Assert
    expect(licence).toMatch(/^FBL440111\d{8}$/);
    expect(filing).toMatch(/^CP440111\d{8}$/);
    expect(otherCase).not.toBe(licence);
    expect(filing?.slice(-8)).not.toBe(licence?.slice(-8));
  });

  test.each([
    [TUESDAY, '2026-12-02'],
    [FRIDAY_NIGHT, '2026-12-07'],
  ])('a date decided at %s is the next working day in Asia/Shanghai: %s', (decidedAt, expected) => {
    // Act
    const result = issue('co-case-1', 'bank-appointment', decidedAt);

    // Assert
    expect(result.appointmentDate).toBe(expected);
  });

  test('results that are not an object of fields are refused', () => {
    expect(() => issuedResult('co-case-1', 'odd-item', FORM, z.string(), TUESDAY)).toThrow(
      'The results of odd-item are not an object',
    );
  });
});
