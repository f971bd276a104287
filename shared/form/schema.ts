import type { z } from 'zod';
import { isLocalDate, localDate } from '../calendar/local-date';
import { CATALOGUE } from '../catalogue';
import { catalogueRule } from '../catalogue/application-rules';
import { now } from '../clock';
import { whenValid } from './cross-field';
import { formObjectSchema } from './form-object';
import { officerRules } from './officer-rules';
import { shareholdingRules } from './shareholding-rules';

/** `YYYY-MM-DD`, or a function giving it at parse time (a clock the local runtime can move). */
export type ReferenceDate = string | (() => string);

/**
 * The one application form, checked as of `referenceDate`: the submission date in Asia/Shanghai, on which
 * ages and contribution deadlines depend.
 */
export function applicationFormSchemaOn(referenceDate: ReferenceDate) {
  const source = typeof referenceDate === 'string' ? () => referenceDate : referenceDate;
  const today = () => {
    const date = source();
    if (!isLocalDate(date)) throw new RangeError('The reference date must be a real YYYY-MM-DD date');
    return date;
  };
  let schema = formObjectSchema;
  for (const rule of [...shareholdingRules, ...officerRules, catalogueRule(CATALOGUE)]) {
    schema = schema.superRefine((form, ctx) => rule.check(form, ctx, today()), whenValid(...rule.reads));
  }
  return schema.describe('The one application form for opening a company (开办企业一表申请)');
}

/** The form as of the day it is parsed. */
export const applicationFormSchema = applicationFormSchemaOn(() => localDate(now()));

export type ApplicationForm = z.infer<typeof applicationFormSchema>;
