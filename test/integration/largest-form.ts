import { readFileSync } from 'node:fs';
import { formBytes, MAX_FORM_BYTES } from '../../shared/data/item-limits';
import { generateResidentId } from '../../shared/ids/resident-id';

/** The largest form the platform accepts, and forms just over the limit, for the bounded-item tests. */

type Form = Record<string, any>;

const sampleForm = (): Form =>
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')) as Form;

/** A material naming a placeholder upload (test/support/uploads.ts), as the fixtures do. */
function material(index: number) {
  return { type: 'other', uploadId: `up-fixture${String(index + 1).padStart(19, '0')}` };
}

/** The sample with shareholders that split its capital equally. */
export function withShareholders(form: Form, count: number) {
  const capital = form.company.registeredCapitalCny as number;
  return {
    ...form,
    shareholders: Array.from({ length: count }, (_, index) => ({
      ...form.shareholders[index % 2],
      name:
        index < 2
          ? form.shareholders[index].name
          : `欧阳${'一二三四五六七八九十'[index % 10]}${'甲乙丙丁戊'[Math.floor(index / 10) % 5]}`,
      idNumber:
        index < 2
          ? form.shareholders[index].idNumber
          : generateResidentId({ regionCode: '440111', birthDate: '1980-01-01', sequence: index }),
      subscribedCapitalCny: capital / count,
    })),
  };
}

/**
 * Every list the schema caps filled to its cap with its longest entries (50 business items of 100
 * characters, 50 materials), then as many shareholders as still fit under the
 * size limit: the largest form a founder can file.
 */
export function largestValidForm() {
  const form = sampleForm();
  form.company.businessScope = Array.from({ length: 50 }, (_, index) => ({
    description: `${'技术服务'.repeat(24)}${String(index).padStart(4, '零')}`,
    category: 'general',
  }));
  while (form.materials.length < 50) form.materials.push(material(form.materials.length));
  const divisors = [2, 4, 5, 8, 10, 16, 20, 25, 40, 50];
  const fitting = divisors
    .map((count) => withShareholders(form, count))
    .filter((candidate) => formBytes(candidate) <= MAX_FORM_BYTES);
  return fitting.at(-1) as Form;
}
