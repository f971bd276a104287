import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type FieldError, toFieldErrors } from '../../../shared/errors';
import { applicationFormSchema } from '../../../shared/form';

const FIXTURES = join(import.meta.dirname, '../../fixtures/applications');
const CJK = /\p{Script=Han}/u;

type Fixture = 'valid-restaurant' | 'valid-clinic' | 'valid-baiyun-llc';
type Form = Record<string, unknown> & { materials: { type: string }[] };

/** A fixture as a client sends it (a fresh copy each call). */
const fixture = (name: Fixture): Form =>
  JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Form;

/** The problems the form has, as the API reports them; the form must be refused. */
function problemsOf(form: unknown): FieldError[] {
  const result = applicationFormSchema.safeParse(form);
  if (result.success) throw new Error('The form was accepted');
  return toFieldErrors(result.error);
}

const paths = (problems: readonly FieldError[]) => problems.map(({ path }) => path);

const withoutMaterial = (form: Form, type: string): Form => ({
  ...form,
  materials: form.materials.filter((material) => material.type !== type),
});

describe('what the catalogue asks of the application form (shared/catalogue/application-rules.ts)', () => {
  test.each<Fixture>(['valid-restaurant', 'valid-clinic'])(
    '%s is valid: its bundle, trade sections and checklist materials',
    (name) => {
      // Act
      const result = applicationFormSchema.safeParse(fixture(name));

      // Assert
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    },
  );

  test('an unknown bundle is refused at bundle, offering the catalogue’s bundles', () => {
    // Arrange
    const form = { ...fixture('valid-restaurant'), bundle: 'tobacco-shop' };

    // Act
    const problems = problemsOf(form);

    // Assert
    expect(problems).toEqual([
      {
        path: 'bundle',
        message: 'Choose what you are opening: company-opening, restaurant, clinic',
        message_zh: '请选择要办理的一件事：企业开办、开餐馆、开诊所',
      },
    ]);
  });

  test('an optional item the bundle does not offer is refused at its index', () => {
    // Arrange
    const form = { ...fixture('valid-clinic'), optionalItems: ['housing-fund', 'food-business-licence'] };

    // Act
    const problems = problemsOf(form);

    // Assert: housing fund is offered, so only the food licence is refused; the employees section it reads is missing too.
    expect(paths(problems)).toEqual(['optionalItems[1]', 'employment']);
    expect(problems[0]).toEqual({
      path: 'optionalItems[1]',
      message:
        "Opening a clinic can add only: Employees' social insurance registration, Housing provident fund registration, Bank account appointment",
      message_zh: '开诊所只能添加：社会保险登记、住房公积金缴存登记、银行开户预约',
    });
  });

  test('an optional item added twice is refused at its second occurrence; the first still counts', () => {
    // Arrange
    const form = { ...fixture('valid-baiyun-llc'), optionalItems: ['housing-fund', 'housing-fund'] };

    // Act
    const problems = problemsOf(form);

    // Assert: the housing fund added once still asks for the section it reads.
    expect(problems).toEqual([
      {
        path: 'optionalItems[1]',
        message: 'Housing provident fund registration is added twice',
        message_zh: '住房公积金缴存登记重复添加',
      },
      {
        path: 'employment',
        message: 'Fill in the employees section: Housing provident fund registration reads it',
        message_zh: '请填写职工信息：住房公积金缴存登记需要',
      },
    ]);
  });

  test('a trade section an item reads and that is missing is asked for, naming the items that read it', () => {
    // Arrange
    const { premises: _premises, ...form } = fixture('valid-restaurant');

    // Act
    const problems = problemsOf(form);

    // Assert
    expect(problems).toEqual([
      {
        path: 'premises',
        message:
          'Fill in the premises section: Food business licence, Fire-safety inspection before a public gathering place opens read it',
        message_zh: '请填写经营场所信息：食品经营许可、公众聚集场所投入使用、营业前消防安全检查需要',
      },
    ]);
  });

  test('a trade section no item of the application reads is refused', () => {
    // Arrange
    const clinic = fixture('valid-clinic');
    const form = { ...fixture('valid-restaurant'), clinic: clinic.clinic };

    // Act
    const problems = problemsOf(form);

    // Assert
    expect(problems).toEqual([
      {
        path: 'clinic',
        message: 'Leave out the clinic section: no item of this application reads it',
        message_zh: '请删除诊所执业信息：本申请的事项均不需要',
      },
    ]);
  });

  test('an optional item that reads a section makes it required: social insurance asks for the employees', () => {
    // Arrange
    const form = { ...fixture('valid-baiyun-llc'), optionalItems: ['social-insurance'] };

    // Act
    const problems = problemsOf(form);

    // Assert
    expect(paths(problems)).toEqual(['employment']);
    expect(problems[0]?.message).toContain('Employees');
  });

  test('a material of the checklist that is missing is asked for, naming the item that needs it', () => {
    // Arrange
    const form = withoutMaterial(fixture('valid-restaurant'), 'food-premises-layout');

    // Act
    const problems = problemsOf(form);

    // Assert
    expect(problems).toEqual([
      {
        path: 'materials',
        message:
          'Upload: Layout of the premises and equipment, and the food-handling flow (for Food business licence)',
        message_zh: '请上传经营场所和设备布局、操作流程等文件（食品经营许可需要）',
      },
    ]);
  });

  test('without the fire-safety commitment the inspection form is required, and the commitment letter is not a material of the case', () => {
    // Arrange
    const restaurant = fixture('valid-restaurant');
    const form = {
      ...restaurant,
      premises: { ...(restaurant.premises as object), fireSafetyCommitment: false },
    };

    // Act
    const problems = problemsOf(form);

    // Assert
    const letter = form.materials.findIndex(({ type }) => type === 'fire-safety-commitment');
    expect(paths(problems).sort()).toEqual([`materials[${letter}].type`, 'materials'].sort());
    expect(problems.find(({ path }) => path === 'materials')?.message).toBe(
      'Upload: Fire-safety inspection application form (for Fire-safety inspection before a public gathering place opens)',
    );
  });

  test('with the inspection form instead of the letter, a restaurant without the commitment is valid', () => {
    // Arrange
    const restaurant = fixture('valid-restaurant');
    const form = {
      ...restaurant,
      premises: { ...(restaurant.premises as object), fireSafetyCommitment: false },
      materials: restaurant.materials.map((material) =>
        material.type === 'fire-safety-commitment'
          ? { ...material, type: 'fire-safety-inspection-form' }
          : material,
      ),
    };

    // Act
    const result = applicationFormSchema.safeParse(form);

    // Assert
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  test('a material type neither the form nor the checklist knows is refused at its type', () => {
    // Arrange: a clinic files no food documents.
    const form = fixture('valid-clinic');
    const index = form.materials.findIndex(({ type }) => type === 'clinic-filing-form');
    form.materials[index] = { ...form.materials[index], type: 'food-premises-layout' };

    // Act
    const problems = problemsOf(form);

    // Assert
    expect(paths(problems)).toEqual([`materials[${index}].type`, 'materials']);
    expect(problems[0]?.message).toBe(
      'This application files no material of type food-premises-layout: choose one from its checklist',
    );
  });

  test('every problem is listed at once, each in English and Chinese', () => {
    // Arrange: an optional item not offered, an unread section, and two checklist materials missing.
    const clinic = fixture('valid-clinic');
    const form = {
      ...withoutMaterial(
        withoutMaterial(fixture('valid-restaurant'), 'food-premises-layout'),
        'premises-fire-plans',
      ),
      optionalItems: ['clinic-practice'],
      clinic: clinic.clinic,
    };
    const { clinic: _clinic, ...sectionsRight } = form;

    // Act
    const problems = problemsOf(form);
    const materialProblems = problemsOf(sectionsRight);

    // Assert: a section problem stops before the materials, which depend on the sections; the rest are all listed.
    expect(paths(problems)).toEqual(['optionalItems[0]', 'clinic']);
    expect(paths(materialProblems)).toEqual(['optionalItems[0]', 'materials', 'materials']);
    for (const problem of [...problems, ...materialProblems]) {
      expect(problem.message, problem.path).not.toBe('');
      expect(problem.message, problem.path).not.toMatch(CJK);
      expect(problem.message_zh, problem.path).toMatch(CJK);
    }
  });
});
