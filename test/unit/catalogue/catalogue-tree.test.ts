import { describe, expect, test } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import { type CatalogueInput, catalogueSchema, parentIn } from '../../../shared/catalogue/catalogue';
import { testBundle, testCatalogue, testItem } from './fixture-catalogue';

/** The workflow runs a bundle as a tree: these are the catalogues it could not run. */

function messagesOf(data: CatalogueInput): string[] {
  const result = catalogueSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const LARGE_PREMISES = [{ answer: 'premisesAreaM2' as const, is: 'gt' as const, value: 150 }];

describe('a catalogue the workflow can run as a tree (shared/catalogue/catalogue.ts)', () => {
  test('one first item, each other item after one parent: accepted', () => {
    // Arrange
    const data = testCatalogue(
      [testItem('base'), testItem('left', ['base']), testItem('after-left', ['base', 'left'])],
      [testBundle('shop', ['base', 'left', 'after-left'])],
    );

    // Act
    const messages = messagesOf(data);

    // Assert
    expect(messages).toEqual([]);
  });

  test('a bundle with two first items is refused, naming both', () => {
    // Arrange
    const data = testCatalogue(
      [testItem('base'), testItem('other-base')],
      [testBundle('shop', ['base', 'other-base'])],
    );

    // Act
    const messages = messagesOf(data);

    // Assert
    expect(messages).toEqual([
      'a bundle starts with exactly one item that depends on none (found base, other-base)',
    ]);
  });

  test('an optional item that depends on nothing is a second first item too', () => {
    // Arrange
    const data = testCatalogue(
      [testItem('base'), testItem('extra')],
      [testBundle('shop', ['base'], ['extra'])],
    );

    // Act
    const messages = messagesOf(data);

    // Assert
    expect(messages).toEqual([
      'a bundle starts with exactly one item that depends on none (found base, extra)',
    ]);
  });

  test('an item whose dependencies have no one parent (invoice and seal, both after registration) is refused', () => {
    // Arrange
    const data = testCatalogue(
      [
        testItem('registration'),
        testItem('invoice', ['registration']),
        testItem('seal', ['registration']),
        testItem('tax-seal', ['invoice', 'seal']),
      ],
      [testBundle('shop', ['registration', 'invoice', 'seal', 'tax-seal'])],
    );

    // Act
    const messages = messagesOf(data);

    // Assert
    expect(messages).toEqual([
      'tax-seal depends on invoice and seal, none of which comes after all the others',
    ]);
  });

  test('the parent is the dependency every other one comes before: social insurance follows the seal', () => {
    // Arrange
    const byId = new Map(CATALOGUE.items.map((item) => [item.id, item]));

    // Act
    const parent = parentIn(['registration', 'seal'], byId);
    const none = parentIn(['invoice', 'seal'], byId);

    // Assert
    expect(parent).toBe('seal');
    expect(none).toBeUndefined();
  });

  test('depending on an item that runs only when its determinants hold is refused', () => {
    // Arrange
    const data = testCatalogue(
      [
        testItem('base'),
        testItem('terrace', ['base'], { appliesWhen: LARGE_PREMISES, answers: ['premisesAreaM2'] }),
        testItem('terrace-music', ['base', 'terrace']),
      ],
      [testBundle('shop', ['base', 'terrace', 'terrace-music'])],
    );

    // Act
    const messages = messagesOf(data);

    // Assert
    expect(messages).toEqual(['terrace runs only when its determinants hold, so nothing can depend on it']);
  });

  test('an item with determinants that nothing depends on is accepted', () => {
    // Arrange
    const data = testCatalogue(
      [
        testItem('base'),
        testItem('terrace', ['base'], { appliesWhen: LARGE_PREMISES, answers: ['premisesAreaM2'] }),
      ],
      [testBundle('shop', ['base', 'terrace'])],
    );

    // Act
    const messages = messagesOf(data);

    // Assert
    expect(messages).toEqual([]);
  });
});
