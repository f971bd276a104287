import * as z from 'zod';
import { DEPARTMENTS } from '../case/items';
import { OUTCOMES } from '../case/model';
import { answersQueryShape } from '../catalogue/answers';
import { bilingual } from '../errors';
import { applicationFormSchema } from '../form';

/** Request shapes of the HTTP API (docs/architecture.md); the route table and the OpenAPI document use them. */

export const idempotencyKeySchema = z
  .string({ error: bilingual('Send an Idempotency-Key header', '请提供 Idempotency-Key 请求头') })
  .min(8, bilingual('The Idempotency-Key needs at least 8 characters', 'Idempotency-Key 至少 8 个字符'))
  .max(
    128,
    bilingual('The Idempotency-Key may have at most 128 characters', 'Idempotency-Key 最多 128 个字符'),
  )
  .regex(
    /^[\x21-\x7e]+$/,
    bilingual('Use printable ASCII without spaces', '请使用不含空格的可打印 ASCII 字符'),
  )
  .describe('A key the client makes up per application: the same key and body again return the same case')
  .meta({ examples: ['alice-2026-0001'] });

export const onBehalfOfSchema = z
  .string()
  .min(1)
  .max(128)
  .describe("Agents only: the founder's user id (sub) the application is filed for");

/** Headers are matched by their lower-case names; others pass through unchecked. */
export const submitHeadersSchema = z
  .object({ 'idempotency-key': idempotencyKeySchema, 'on-behalf-of': onBehalfOfSchema.optional() })
  .loose();

export const listQuerySchema = z
  .object({
    cursor: z.string().max(2048).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size, 1–100'),
  })
  .strict();

export const taskListQuerySchema = listQuerySchema
  .extend({ status: z.enum(['open', 'closed']).default('open').describe('Open tasks by default') })
  .strict();

export const applicationIdParamsSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export const taskIdParamsSchema = z.object({ taskId: z.string().min(1).max(64) }).strict();
export const departmentParamsSchema = z.object({ department: z.string().min(1).max(64) }).strict();
export const departmentSchema = z.enum(DEPARTMENTS);

const reasonSchema = z
  .object({
    path: z.string().trim().min(1).max(200).describe('The form field concerned, e.g. company.address.detail'),
    message: z.string().trim().min(1).max(500).describe('What is wrong and what is expected'),
  })
  .strict();

export const decisionRequestSchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    reasons: z.array(reasonSchema).max(50).default([]).describe('Every problem at once (一次性告知)'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((decision, ctx) => {
    if (decision.outcome !== 'approved' && decision.reasons.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: bilingual(
          'List every problem the founder must fix, or why the item is rejected',
          '请列出申请人需要补正的全部问题，或驳回的理由',
        ),
      });
    }
  })
  .describe("An officer's decision on a department task")
  .meta({
    examples: [
      { outcome: 'approved' },
      {
        outcome: 'correction-requested',
        reasons: [
          { path: 'company.address.detail', message: 'Give the room number as on the lease' },
          { path: 'materials', message: 'Upload the signed articles of association' },
        ],
        note: 'Both at once: nothing else is missing',
      },
    ],
  });

export const correctionRequestSchema = z
  .object({
    application: applicationFormSchema.describe('The whole form, corrected'),
    note: z.string().trim().max(2000).optional().describe('A note to the department'),
  })
  .strict()
  .describe('The founder’s answer to the open correction requests');

export const bundleParamsSchema = z.object({ id: z.string().min(1).max(64) }).strict();

export const checklistQuerySchema = z
  .object({
    add: z
      .string()
      .max(500)
      .optional()
      .transform((list) => (list ? list.split(',').map((id) => id.trim()) : []))
      .describe('Optional items to add, comma-separated: social-insurance,housing-fund,bank-appointment'),
    ...answersQueryShape,
  })
  .strict();
