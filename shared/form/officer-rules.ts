import { ageOn } from '../ids/resident-id';
import { report } from './cross-field';
import type { FormFields, FormRule } from './form-object';

const ADULT_AGE = 18;

interface Role {
  path: PropertyKey[];
  person: { name: string; idNumber: string };
}

function officers(form: FormFields): Role[] {
  return [
    { path: ['legalRepresentative'], person: form.legalRepresentative },
    ...form.directors.map((person, index) => ({ path: ['directors', index], person })),
    ...(form.supervisor ? [{ path: ['supervisor'], person: form.supervisor }] : []),
    ...(form.manager ? [{ path: ['manager'], person: form.manager }] : []),
  ];
}

/**
 * The legal representative, directors, supervisor and manager need full civil capacity (公司法 第一百七十八条,
 * 市场主体登记管理条例 第十二条), which 民法典 第十八条 gives at 18. The exception for earners aged 16–17
 * needs evidence no form field carries, so a department decides those cases.
 */
const officersAreAdults: FormRule = {
  reads: [['legalRepresentative', 'idNumber'], ['directors'], ['supervisor'], ['manager']],
  check(form, ctx, today) {
    for (const { path, person } of officers(form)) {
      if (ageOn(person.idNumber, today) < ADULT_AGE) {
        report(
          ctx,
          [...path, 'idNumber'],
          'Officers of a company must be at least 18 years old on the day the form is submitted',
          '公司法定代表人、董事、监事、高级管理人员在提交申请之日应年满18周岁',
        );
      }
    }
  },
};

/** 公司法 (2023) 第十条: the legal representative is a director who executes the company's affairs, or the manager. */
const legalRepresentativeHoldsTheOffice: FormRule = {
  reads: [['legalRepresentative'], ['directors'], ['manager']],
  check(form, ctx) {
    const { idNumber, position } = form.legalRepresentative;
    if (position === 'manager' && form.manager?.idNumber !== idNumber) {
      report(
        ctx,
        ['legalRepresentative'],
        'A legal representative serving as manager must be the manager named in this form',
        '以经理身份担任法定代表人的，应为本表所填的经理',
      );
    }
    if (position !== 'manager' && !form.directors.some((director) => director.idNumber === idNumber)) {
      report(
        ctx,
        ['legalRepresentative'],
        'A legal representative serving as chairman or executive director must be one of the directors',
        '以董事长或执行董事身份担任法定代表人的，应为本表所填董事之一',
      );
    }
  },
};

/**
 * 公司法 (2023) 第六十八条 and 第一百二十二条: a chairman (董事长) is the chair of a board, and a board has three
 * or more members (第六十八条, applied to joint-stock companies by 第一百二十条).
 */
const chairmanHasABoard: FormRule = {
  reads: [['legalRepresentative', 'position'], ['directors']],
  check(form, ctx) {
    if (form.legalRepresentative.position === 'chairman' && form.directors.length < 3) {
      report(
        ctx,
        ['legalRepresentative', 'position'],
        'Only a company with a board (3 or more directors) has a chairman: choose executive director',
        '设董事会（三名以上董事）的公司才有董事长，只设一名董事的请选择执行董事',
      );
    }
  },
};

/**
 * 公司法 (2023): a supervisor (第八十三条, 第一百三十三条), an audit committee of the board instead (第六十九条,
 * 第一百二十一条), or — limited liability only, all shareholders agreeing — no supervisor (第八十三条).
 */
const supervisionIsConsistent: FormRule = {
  reads: [['supervisoryArrangement'], ['supervisor'], ['company', 'organizationForm'], ['directors']],
  check(form, ctx) {
    const arrangement = form.supervisoryArrangement;
    if (arrangement === 'supervisor' && !form.supervisor) {
      report(ctx, ['supervisor'], 'Name the supervisor', '请填写监事');
    }
    if (arrangement !== 'supervisor' && form.supervisor) {
      report(
        ctx,
        ['supervisor'],
        'Name a supervisor only when the company has one (supervisoryArrangement: supervisor)',
        '仅在设监事时（supervisoryArrangement 为 supervisor）填写监事',
      );
    }
    if (arrangement === 'none-by-consent' && form.company.organizationForm === 'joint-stock') {
      report(
        ctx,
        ['supervisoryArrangement'],
        'A joint-stock company must have a supervisor or an audit committee',
        '股份有限公司应设监事或审计委员会，不能不设监事',
      );
    }
    if (arrangement === 'audit-committee' && form.directors.length < 3) {
      report(
        ctx,
        ['supervisoryArrangement'],
        'An audit committee sits within a board of 3 or more directors',
        '审计委员会设在董事会中，须有三名以上董事',
      );
    }
  },
};

/** 公司法 (2023) 第七十六条 and 第一百三十条: directors and senior managers, the manager included, may not be supervisors. */
const supervisorIsIndependent: FormRule = {
  reads: [['supervisor'], ['directors'], ['manager']],
  check(form, ctx) {
    const supervisor = form.supervisor;
    if (!supervisor) return;
    const isDirector = form.directors.some((director) => director.idNumber === supervisor.idNumber);
    if (isDirector || form.manager?.idNumber === supervisor.idNumber) {
      report(
        ctx,
        ['supervisor', 'idNumber'],
        'The supervisor cannot also be a director or the manager',
        '董事、高级管理人员不得兼任监事',
      );
    }
  },
};

/** One ID number is one person: every role must spell their name the same way (platform rule). */
const onePersonOneName: FormRule = {
  reads: [['legalRepresentative'], ['directors'], ['supervisor'], ['manager'], ['shareholders']],
  check(form, ctx) {
    const shareholders = form.shareholders.flatMap((shareholder, index) =>
      shareholder.kind === 'natural-person' ? [{ path: ['shareholders', index], person: shareholder }] : [],
    );
    const names = new Map<string, string>();
    for (const { path, person } of [...officers(form), ...shareholders]) {
      const known = names.get(person.idNumber);
      if (known === undefined) names.set(person.idNumber, person.name);
      else if (known !== person.name) {
        report(
          ctx,
          [...path, 'name'],
          'The same ID number appears elsewhere in the form under another name',
          '同一身份号码在表中其他位置对应的姓名不同',
        );
      }
    }
  },
};

export const officerRules: readonly FormRule[] = [
  officersAreAdults,
  legalRepresentativeHoldsTheOffice,
  chairmanHasABoard,
  supervisionIsConsistent,
  supervisorIsIndependent,
  onePersonOneName,
];
