import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fieldsOutsideRequests, isWithin, type OpenRequest } from '../../../shared/case/correction-scope';
import { type ApplicationForm, applicationFormSchemaOn } from '../../../shared/form';

const form: ApplicationForm = applicationFormSchemaOn('2026-12-01').parse(
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')),
);

const asking = (item: OpenRequest['item'], ...paths: string[]): OpenRequest => ({
  item,
  reasons: paths.map((path) => ({ path })),
});

const outside = (after: ApplicationForm, ...open: OpenRequest[]) =>
  fieldsOutsideRequests(form, after, open).map((field) => field.path);

function changed(edit: (draft: ApplicationForm) => void): ApplicationForm {
  const draft = structuredClone(form);
  edit(draft);
  return draft;
}

describe('which paths a requested path covers', () => {
  test.each([
    ['company.address.detail', 'company.address.detail', true],
    ['company.address.detail', 'company.address', true],
    ['materials[2].fileName', 'materials', true],
    ['materials[2].fileName', 'materials[2]', true],
    ['company.nameX', 'company.name', false],
    ['company.name', 'company.name.full', false],
    ['shareholders[10].name', 'shareholders[1]', false],
    ['shareholders[1].name', 'shareholders[1]', true],
    ['shareholders[1]', 'shareholders[10]', false],
    ['company.name.full', '', false],
    ['company.name.full', '(root)', false],
  ])('%s within %s: %s', (path, ancestor, expected) => {
    expect(isWithin(path, ancestor)).toBe(expected);
  });
});

describe('the changes a correction answer may make', () => {
  test('an answer that changes nothing is within any request', () => {
    expect(outside(form, asking('seal', 'seals.set'))).toEqual([]);
  });

  test('a change at or below a requested path is allowed', () => {
    const answer = changed((draft) => {
      draft.company.address.detail = '示例路18号A栋302房';
      draft.seals.set = ['company', 'finance'];
    });
    expect(outside(answer, asking('registration', 'company.address'), asking('seal', 'seals.set'))).toEqual(
      [],
    );
  });

  test('only the changes no request names are refused, each at its own path', () => {
    const answer = changed((draft) => {
      draft.seals.set = ['company', 'finance'];
      draft.company.name.tradeName = '云帆';
      draft.company.name.full = '广州云帆科技有限公司';
      draft.legalRepresentative.mobile = '13900139001';
    });
    expect(outside(answer, asking('seal', 'seals.set'))).toEqual([
      'company.name.tradeName',
      'company.name.full',
      'legalRepresentative.mobile',
    ]);
  });

  test('several open requests allow the union of their paths', () => {
    const answer = changed((draft) => {
      draft.invoice.monthlyQuotaCny = 50000;
      draft.seals.set = ['company', 'finance'];
    });
    expect(outside(answer, asking('invoice', 'invoice.monthlyQuotaCny'))).toEqual(['seals.set[2]']);
    expect(outside(answer, asking('invoice', 'invoice.monthlyQuotaCny'), asking('seal', 'seals'))).toEqual(
      [],
    );
  });

  test('a request on one shareholder does not open another whose index starts the same', () => {
    const many = structuredClone(form);
    const [first] = many.shareholders;
    if (!first) throw new Error('the fixture has a shareholder');
    many.shareholders = Array.from({ length: 11 }, () => structuredClone(first));
    const answer = structuredClone(many);
    (answer.shareholders[10] as typeof first).name = '王五';
    expect(
      fieldsOutsideRequests(many, answer, [asking('registration', 'shareholders[1]')]).map((f) => f.path),
    ).toEqual(['shareholders[10].name']);
  });

  test('a reason at the root or with no path names no field', () => {
    const answer = changed((draft) => {
      draft.contact.name = '李四';
    });
    expect(outside(answer, asking('registration', '', '(root)'))).toEqual(['contact.name']);
  });

  test('asking about a part of the company name opens the whole name, which is its parts put together', () => {
    const answer = changed((draft) => {
      draft.company.name.tradeName = '云帆';
      draft.company.name.full = '广州云帆科技有限公司';
    });
    expect(outside(answer, asking('registration', 'company.name.tradeName'))).toEqual([]);
    expect(outside(answer, asking('registration', 'company.nameX'))).toEqual([
      'company.name.tradeName',
      'company.name.full',
    ]);
  });

  test('the refusal tells the founder, in both languages, which requests are open and what to do instead', () => {
    const answer = changed((draft) => {
      draft.company.name.full = '广州云帆科技有限公司';
    });
    const [field] = fieldsOutsideRequests(form, answer, [
      asking('seal', 'seals.set'),
      asking('invoice', 'invoice'),
    ]);
    expect(field).toEqual({
      path: 'company.name.full',
      message:
        'The open correction requests (Seal filing and Invoice application) ask about other fields; the ' +
        'company name cannot change in this answer. Changing it needs a new application, or a correction ' +
        'request from the department concerned.',
      message_zh:
        '本次补正只涉及刻章备案、发票申领的补正要求所列事项，企业名称不在其中，不能在此修改。' +
        '如需修改，请重新提交申请，或待相关部门提出补正要求。',
    });
  });
});
