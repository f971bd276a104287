import * as z from 'zod';
import { bilingual } from '../errors';
import { CASE_EVENT_TYPE_NAMES } from '../events/case-events';
import { mobileSchema } from '../form/fields';
import { CHANNELS, LANGUAGES, SENT_CHANNELS } from '../notices/model';
import { listQuerySchema } from './requests';

/** The notices and account routes' shapes (shared/entry-points/routes.ts). */

const instant = z.iso.datetime().describe('An instant, ISO 8601 in UTC');

export const noticeListQuerySchema = listQuerySchema
  .extend({
    channel: z
      .enum(CHANNELS)
      .optional()
      .describe('Only this channel: app is the message centre; email and sms are the copies sent'),
  })
  .strict();

export const noticeParamsSchema = z.object({ id: z.string().min(1).max(200) }).strict();

export const noticeViewSchema = z
  .object({
    id: z.string(),
    event: z.enum(CASE_EVENT_TYPE_NAMES).describe('The case event it tells of (docs/events.md)'),
    channel: z.enum(CHANNELS),
    language: z.enum(LANGUAGES),
    subject: z.string(),
    body: z.string().describe('Plain text'),
    createdAt: instant,
    readAt: instant.nullable(),
    caseId: z.string(),
    link: z.url().describe('The page the notice is about: the case page, or the task page for officers'),
    status: z
      .enum(['queued', 'sent', 'delivered', 'bounced', 'failed'])
      .describe('For email and sms, how far the send got; an app notice is delivered'),
  })
  .describe('One notice to the caller on one channel');

export const noticeListSchema = z.object({
  items: z.array(noticeViewSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int().describe("The caller's unread app notices"),
});

const channelsSchema = z
  .array(z.enum(SENT_CHANNELS))
  .min(1, bilingual('Choose SMS, e-mail or both', '请选择短信、电子邮件或两者'))
  .max(2)
  .refine(
    (channels) => new Set(channels).size === channels.length,
    bilingual('Name each channel once', '每种方式只能选择一次'),
  )
  .describe('How notices are sent besides the message centre');

export const accountRequestSchema = z
  .object({
    language: z.enum(LANGUAGES, {
      error: bilingual('Choose zh-CN or en', '请选择 zh-CN 或 en'),
    }),
    channels: channelsSchema,
    email: z.email(bilingual('Enter a valid e-mail address', '请输入有效的电子邮箱')).nullish(),
    mobile: mobileSchema.nullish(),
  })
  .strict()
  .describe("The caller's notice preferences")
  .meta({ examples: [{ language: 'en', channels: ['email'], email: 'alice@example.com' }] });

export const accountViewSchema = z.object({
  sub: z.string(),
  language: z.enum(LANGUAGES),
  channels: z.array(z.enum(SENT_CHANNELS)),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
});
