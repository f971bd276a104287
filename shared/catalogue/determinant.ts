import * as z from 'zod';
import { ANSWER_IDS, type Answers, type AnswerValue } from './answers';

/**
 * A rule over one form answer (UNCTAD eRegistrations' "determinant"): `premisesAreaM2 gt 150`,
 * `trade eq catering`. A material or an item whose determinants all hold is required.
 */
export const determinantSchema = z
  .object({
    answer: z.enum(ANSWER_IDS),
    is: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']),
    value: z.union([
      z.string().describe('A word: trade eq catering'),
      z.number().describe('A number: premisesAreaM2 gt 150'),
      z.boolean().describe('Yes or no: fireSafetyCommitment eq true'),
    ]),
  })
  .strict();
export type Determinant = z.output<typeof determinantSchema>;

function holds(determinant: Determinant, answer: AnswerValue): boolean {
  const { is, value } = determinant;
  if (is === 'eq') return answer === value;
  if (is === 'ne') return answer !== value;
  if (typeof answer !== 'number' || typeof value !== 'number') return false;
  if (is === 'gt') return answer > value;
  if (is === 'gte') return answer >= value;
  if (is === 'lt') return answer < value;
  return answer <= value;
}

/** True when every determinant holds; an unanswered answer makes its determinant fail. */
export function allHold(determinants: readonly Determinant[], answers: Answers): boolean {
  return determinants.every((determinant) => {
    const answer = answers[determinant.answer];
    return answer !== undefined && holds(determinant, answer);
  });
}
