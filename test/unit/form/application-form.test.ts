import { describe, expect, it } from 'vitest';
import { AppError, type FieldError, parseOrThrow } from '../../../shared/errors';
import { applicationFormSchemaOn } from '../../../shared/form';
import { applyMutations, invalidFixtures, SUBMITTED_ON, validApplication } from './fixtures';

const schema = applicationFormSchemaOn(SUBMITTED_ON);
const CJK = /\p{Script=Han}/u;

function fieldErrorsOf(input: unknown): FieldError[] {
  try {
    parseOrThrow(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error.fields;
    throw error;
  }
  throw new Error('The form was accepted');
}

describe('the valid Baiyun LLC fixture', () => {
  it('parses, with mobile numbers normalised to 11 digits', () => {
    // Act
    const form = parseOrThrow(schema, validApplication());

    // Assess
    expect(form.company.name.full).toBe('广州云启科技有限公司');
    expect(form.contact.mobile).toBe('13900139000');
  });
});

describe('invalid fixtures', () => {
  const fixtures = invalidFixtures();

  it('cover at least 30 rules', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)('$file is rejected at exactly its expected paths', ({ fixture }) => {
    // Prepare
    const input = applyMutations(validApplication(), fixture.mutations);

    // Act
    const fields = fieldErrorsOf(input);

    // Assess
    expect(fields.map((field) => field.path).sort()).toEqual(
      fixture.expected.map((field) => field.path).sort(),
    );
    for (const field of fields) {
      expect(field.message).not.toBe('');
      expect(field.message_zh).not.toBe(field.message);
      expect(field.message_zh).toMatch(CJK);
    }
  });
});
