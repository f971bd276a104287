import { describe, expect, test } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import type { CatalogueItem } from '../../../shared/catalogue/item';
import { itemKeyClashes } from '../../../workflows/company-opening';

const named = (...ids: string[]) => ({ items: ids.map((id) => ({ id }) as CatalogueItem) });

describe('item keys in the state machine (workflows/company-opening.ts)', () => {
  test('no item of the catalogue takes a key the machine keeps its own data under', () => {
    expect(itemKeyClashes(CATALOGUE)).toEqual([]);
  });

  test('an item whose key is the plan, the SLA, a rejection or a failure is named', () => {
    // Act
    const clashes = itemKeyClashes(named('plan', 'sla', 'food-business-licence', 'rejection', 'failure'));

    // Assert
    expect(clashes).toEqual(['plan', 'sla', 'rejection', 'failure']);
  });

  test('the key is the camelCase one: application-id clashes with applicationId', () => {
    expect(itemKeyClashes(named('application-id', 'application'))).toEqual(['application-id']);
  });
});
