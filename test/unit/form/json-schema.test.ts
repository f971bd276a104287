import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applicationFormSchema } from '../../../shared/form';

describe('the form as JSON Schema (for the OpenAPI document)', () => {
  it('converts, closed to unknown keys and described', () => {
    // Act
    const schema = z.toJSONSchema(applicationFormSchema, { io: 'input' }) as {
      additionalProperties: unknown;
      description: string;
      properties: Record<
        string,
        { description?: string; properties?: Record<string, { description?: string }> }
      >;
    };

    // Assess
    expect(schema.additionalProperties).toBe(false);
    expect(schema.description).toMatch(/application form/);
    expect(schema.properties.company?.properties?.registeredCapitalCny?.description).toMatch(/yuan/);
    expect(schema.properties.legalRepresentative?.description).toMatch(/第十条/);
  });
});
