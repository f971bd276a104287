import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { caseViewSchema } from '../../../shared/api/responses';
import { PARTY } from '../../../shared/api/viewer';
import { caseView } from '../../../shared/api/views';
import { itemsOf } from '../../../shared/case/items';
import type { CaseRecord } from '../../../shared/case/model';
import { newCase } from '../../../shared/case/transitions';
import { applicationFormSchemaOn } from '../../../shared/form';

const FIXTURE = join(import.meta.dirname, '../../fixtures/applications/valid-baiyun-llc.json');
const FORM = applicationFormSchemaOn('2026-12-01').parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));

/** A case filed with an item a later catalogue no longer has (docs/catalogue.md, "Change or withdraw an item"). */
function caseWithWithdrawnItem(): CaseRecord {
  const record = newCase({
    id: 'co-withdrawn-item-0001',
    owner: 'founder-1',
    filedBy: { role: 'applicant', sub: 'founder-1' },
    idempotencyKey: 'key-1',
    requestHash: 'hash-1',
    form: FORM,
    submittedAt: '2026-12-01T02:00:00.000Z',
  });
  const withdrawn = { status: 'pending' as const, department: 'culture-bureau', round: 0 };
  return { ...record, items: { 'street-stall-permit': withdrawn, ...record.items } };
}

describe('a case whose item the catalogue no longer has', () => {
  test('keeps the item, after the catalogue’s own, in its lists', () => {
    // Act
    const items = itemsOf(caseWithWithdrawnItem());

    // Assert
    expect(items).toEqual(['registration', 'invoice', 'seal', 'street-stall-permit']);
  });

  test('is still shown, the item and its department named by their ids', () => {
    // Act
    const view = caseView(caseWithWithdrawnItem(), new Date('2026-12-01T03:00:00.000Z'), PARTY);

    // Assert
    expect(caseViewSchema.safeParse(view).success).toBe(true);
    expect(view.items['street-stall-permit']).toMatchObject({
      name: { zh: 'street-stall-permit', en: 'street-stall-permit' },
      department: 'culture-bureau',
      departmentName: { zh: 'culture-bureau', en: 'culture-bureau' },
      status: 'pending',
    });
    expect(view.items.registration?.name).toEqual({ zh: '企业设立登记', en: 'Enterprise registration' });
  });
});
