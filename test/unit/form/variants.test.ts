import { describe, expect, it } from 'vitest';
import { type FieldError, parseOrThrow, toFieldErrors } from '../../../shared/errors';
import { applicationFormSchemaOn } from '../../../shared/form';
import { generateResidentId } from '../../../shared/ids/resident-id';
import { applyMutations, type Mutation, SUBMITTED_ON, validApplication } from './fixtures';

const schema = applicationFormSchemaOn(SUBMITTED_ON);
const ZHANG_SAN = '440111198604182179';
const WANG_WU = generateResidentId({ regionCode: '440104', birthDate: '1979-08-21', sequence: 95 });
const ZHAO_LIU = generateResidentId({ regionCode: '440105', birthDate: '1992-01-09', sequence: 36 });

function variant(...mutations: Mutation[]): unknown {
  return applyMutations(validApplication(), mutations);
}

function pathsOf(input: unknown, on = schema): string[] {
  const result = on.safeParse(input, { reportInput: true });
  return result.success ? [] : toFieldErrors(result.error).map((field: FieldError) => field.path);
}

const set = (path: string, value: unknown): Mutation => ({ op: 'set', path, value });
const remove = (path: string): Mutation => ({ op: 'remove', path });

describe('lawful variants of the valid form', () => {
  it.each([
    [
      'a bracketed name',
      [set('company.name.placement', 'bracketed'), set('company.name.full', '云启（广州）科技有限公司')],
    ],
    [
      'a name with the district',
      [set('company.name.region', '广州市白云区'), set('company.name.full', '广州市白云区云启科技有限公司')],
    ],
    [
      'a one-person company',
      [
        set('company.organizationForm', 'one-person-limited-liability'),
        remove('shareholders[1]'),
        set('shareholders[0].subscribedCapitalCny', 1000000),
      ],
    ],
    [
      'a joint-stock company whose promoters pay later than five years out (that rule is for limited liability)',
      [
        set('company.organizationForm', 'joint-stock'),
        set('company.name.organizationForm', '股份公司'),
        set('company.name.full', '广州云启科技股份公司'),
        set('shareholders[0].contributionDeadline', '2031-01-01'),
      ],
    ],
    [
      'no supervisor, all shareholders agreeing',
      [set('supervisoryArrangement', 'none-by-consent'), remove('supervisor')],
    ],
    [
      'a board of three with a chairman and an audit committee',
      [
        { op: 'push', path: 'directors', value: { name: '王五', idNumber: WANG_WU } },
        { op: 'push', path: 'directors', value: { name: '赵六', idNumber: ZHAO_LIU } },
        set('legalRepresentative.position', 'chairman'),
        set('supervisoryArrangement', 'audit-committee'),
        remove('supervisor'),
      ],
    ],
    [
      'the manager as legal representative, with no board seat',
      [
        set('legalRepresentative.position', 'manager'),
        set('directors', [{ name: '王五', idNumber: WANG_WU }]),
      ],
    ],
    [
      'pickup at the Baiyun centre',
      [set('delivery', { method: 'pickup', serviceCentre: 'baiyun-district' })],
    ],
    [
      'a minority name joined with ·',
      [set('shareholders[1].name', '阿依古丽·买买提'), set('supervisor.name', '阿依古丽·买买提')],
    ],
    ['no e-mail', [remove('contact.email')]],
    [
      'a contribution deadline exactly five years out',
      [set('shareholders[0].contributionDeadline', '2030-06-02')],
    ],
    [
      'a contribution deadline on the submission date',
      [set('shareholders[0].contributionDeadline', SUBMITTED_ON)],
    ],
  ] as [string, Mutation[]][])('accepts %s', (_, mutations) => {
    expect(pathsOf(variant(...mutations))).toEqual([]);
  });
});

describe('normalisation', () => {
  it('trims text and reduces phone numbers to 11 digits', () => {
    // Prepare
    const input = variant(
      set('legalRepresentative.mobile', '+86 138-0013-8000'),
      set('company.name.tradeName', ' 云启 '),
      set('company.address.street', '京溪街道 '),
    );

    // Act
    const form = parseOrThrow(schema, input);

    // Assess
    expect(form.legalRepresentative.mobile).toBe('13800138000');
    expect(form.company.name.tradeName).toBe('云启');
    expect(form.company.address.street).toBe('京溪街道');
  });

  it('reads a lowercase x at the end of an ID number as X', () => {
    // Prepare
    const endsInX = '44011119860418000X';
    const input = variant(set('manager', { name: '王五', idNumber: endsInX.toLowerCase() }));

    // Act
    const form = parseOrThrow(schema, input);

    // Assess
    expect(form.manager?.idNumber).toBe(endsInX);
  });
});

describe('the submission date', () => {
  const turnsEighteen = generateResidentId({ regionCode: '440111', birthDate: '2007-06-02', sequence: 11 });
  const asOfficer = (id: string) =>
    variant(
      set('legalRepresentative.idNumber', id),
      set('directors[0].idNumber', id),
      set('manager.idNumber', id),
      set('shareholders[0].idNumber', id),
    );

  it('counts an officer as adult from the 18th birthday on', () => {
    expect(pathsOf(asOfficer(turnsEighteen))).toEqual([]);
    expect(pathsOf(asOfficer(turnsEighteen), applicationFormSchemaOn('2025-06-01'))).toEqual([
      'legalRepresentative.idNumber',
      'directors[0].idNumber',
      'manager.idNumber',
    ]);
  });

  it('is read at parse time when given as a function', () => {
    // Prepare
    let today = '2025-06-01';
    const movable = applicationFormSchemaOn(() => today);
    const input = asOfficer(turnsEighteen);

    // Act
    const before = pathsOf(input, movable);
    today = '2025-06-02';
    const after = pathsOf(input, movable);

    // Assess
    expect(before).toHaveLength(3);
    expect(after).toEqual([]);
  });
});

describe('one correction lists every problem at once (一次性告知)', () => {
  it('reports cross-field findings next to unrelated field errors', () => {
    // Prepare
    const input = variant(
      set('contact.mobile', '12345678901'),
      set('shareholders[1].subscribedCapitalCny', 300000),
      set('supervisor', { name: '张三', idNumber: ZHANG_SAN }),
      set('company.name.full', '广州云启信息科技有限公司'),
      set('materials[0].sha256', 'x'),
      set('referrer', 'friend'),
    );

    // Act
    const paths = pathsOf(input);

    // Assess
    expect(paths.sort()).toEqual(
      [
        'company.name.full',
        'company.registeredCapitalCny',
        'contact.mobile',
        'materials[0].sha256',
        'referrer',
        'supervisor.idNumber',
      ].sort(),
    );
  });

  it('reports several cross-field findings together', () => {
    // Prepare
    const input = variant(
      set('shareholders[0].contributionDeadline', '2031-01-01'),
      set('shareholders[1].idNumber', ZHANG_SAN),
      set('legalRepresentative.position', 'chairman'),
    );

    // Act
    const paths = pathsOf(input);

    // Assess: the repeated ID number also carries another name than the first entry
    expect(paths.sort()).toEqual([
      'legalRepresentative.position',
      'shareholders[0].contributionDeadline',
      'shareholders[1].idNumber',
      'shareholders[1].name',
    ]);
  });

  it('reports a missing document next to a problem with another file', () => {
    expect(pathsOf(variant(remove('materials[3]'), set('materials[2].sizeBytes', 30 * 1024 * 1024)))).toEqual(
      ['materials[2].sizeBytes', 'materials'],
    );
  });

  it('does not run a rule on fields that failed their own checks', () => {
    expect(pathsOf(variant(set('legalRepresentative.idNumber', '440111198604182170')))).toEqual([
      'legalRepresentative.idNumber',
    ]);
  });

  it('rejects input that is not an object at all with one root error', () => {
    expect(pathsOf('not a form')).toEqual(['']);
  });

  it('runs no list rule on a value that is not a list', () => {
    expect(pathsOf(variant(set('materials', 'all attached'), set('seals.set', 'company')))).toEqual([
      'seals.set',
      'materials',
    ]);
  });
});

describe('applicationFormSchemaOn', () => {
  it('refuses a reference date that is not YYYY-MM-DD', () => {
    expect(() => applicationFormSchemaOn('2025/06/02').safeParse(validApplication())).toThrow(RangeError);
  });
});
