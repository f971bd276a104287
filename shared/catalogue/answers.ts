import * as z from 'zod';
import { bilingual } from '../errors';
import { employeesSchema, premisesAreaSchema } from '../form/trade-sections';

/** The trades a bundle is opened for; determinants compare `trade` with these. */
export const TRADES = ['general', 'catering', 'clinic'] as const;

/**
 * The form answers determinants read, as the checklist route takes them (query strings, so numbers and
 * booleans are coerced). The composed form will ask them in its own sections; these are their names.
 */
export const answerSchemas = {
  trade: z.enum(TRADES, {
    error: bilingual('The trade is general, catering or clinic', '行业应为 general、catering 或 clinic'),
  }),
  premisesAreaM2: z.coerce
    .number({
      error: bilingual('The premises area is a number of square metres', '经营场所面积应为平方米数'),
    })
    .pipe(premisesAreaSchema),
  employees: z.coerce
    .number({ error: bilingual('The number of employees is a whole number', '职工人数应为整数') })
    .pipe(employeesSchema),
  fireSafetyCommitment: z
    .enum(['true', 'false'], {
      error: bilingual('fireSafetyCommitment is true or false', 'fireSafetyCommitment 应为 true 或 false'),
    })
    .transform((value) => value === 'true'),
} as const;

export type AnswerId = keyof typeof answerSchemas;
export const ANSWER_IDS = Object.keys(answerSchemas) as [AnswerId, ...AnswerId[]];
export type Answers = { [K in AnswerId]?: z.output<(typeof answerSchemas)[K]> };
export type AnswerValue = NonNullable<Answers[AnswerId]>;

/** The answers as query parameters: each optional here; the checklist asks for the ones a bundle reads. */
export const answersQueryShape = Object.fromEntries(
  ANSWER_IDS.map((id) => [id, answerSchemas[id].optional()]),
) as { [K in AnswerId]: z.ZodOptional<(typeof answerSchemas)[K]> };
