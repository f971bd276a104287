import * as z from 'zod';
import { bilingual } from '../errors';
import { isValidUscc } from '../ids/uscc';
import { uploadDeclarationSchema } from '../uploads/declaration';
import { UPLOAD_ID_PATTERN, UPLOAD_STATUSES } from '../uploads/model';

/** The shapes of the routes that move files: uploads, a case's materials and documents, verification. */

const instant = z.iso.datetime().describe('An instant, ISO 8601 in UTC');
const localDate = z.iso.date().describe('A date in Asia/Shanghai');

export const uploadIdSchema = z
  .string()
  .regex(UPLOAD_ID_PATTERN, bilingual('This is not an upload id the platform gave', '上传编号无效'))
  .describe('The id POST /api/uploads answered');

export const createUploadRequestSchema = uploadDeclarationSchema;

export const uploadParamsSchema = z.object({ id: uploadIdSchema }).strict();

const bilingualReason = z.object({ en: z.string(), zh: z.string() });

export const uploadStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(UPLOAD_STATUSES),
    reason: bilingualReason.optional().describe('Why the file was refused, when it was'),
  })
  .describe('Where an upload stands: pending until checked and scanned, then clean, rejected or infected');

export const uploadCreatedSchema = uploadStatusSchema
  .extend({
    upload: z
      .object({
        url: z.url().describe('Where to POST the file'),
        fields: z.record(z.string(), z.string()).describe('Form fields to send before the file, as they are'),
      })
      .describe('A presigned S3 POST: multipart/form-data with every field, then `file` last'),
  })
  .describe('An upload slot: send the file to storage with it, then follow GET /api/uploads/{id}');

export const materialParamsSchema = z
  .object({ id: z.string().min(1).max(64), uploadId: uploadIdSchema })
  .strict();

export const documentParamsSchema = z
  .object({ id: z.string().min(1).max(64), documentId: z.string().min(1).max(64) })
  .strict();

export const documentViewSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('e-licence, seal-filing-certificate, invoice-approval-notice, …'),
    item: z.string().describe('The catalogue item that issued it'),
    mediaType: z.literal('application/pdf'),
    fileName: z.string(),
    issuedAt: instant,
  })
  .describe('A document issued to the case');

export const documentListSchema = z.object({ items: z.array(documentViewSchema) });

export const usccParamsSchema = z
  .object({
    uscc: z
      .string()
      .refine(
        isValidUscc,
        bilingual('This is not a valid unified social credit code', '统一社会信用代码无效'),
      ),
  })
  .strict();

export const verificationSchema = z
  .object({
    uscc: z.string(),
    companyName: z.string(),
    status: z.enum(['registered']).describe('registered (存续)'),
    establishedOn: localDate,
    issuedBy: z.object({ en: z.string(), zh: z.string() }).describe('The registration authority'),
  })
  .describe('What anyone may check of a registered company: nothing personal');

/** A redirect to a short-lived presigned GET of the file. */
export const fileRedirectHeaders = {
  Location: { description: 'A presigned URL of the file, valid for a few minutes', required: true },
} as const;

export type UploadCreated = z.output<typeof uploadCreatedSchema>;
export type UploadStatusView = z.output<typeof uploadStatusSchema>;
export type DocumentView = z.output<typeof documentViewSchema>;
export type Verification = z.output<typeof verificationSchema>;
