import * as z from 'zod';
import { bilingual } from '../errors';
import { checkExtension } from '../uploads/declaration';
import { fileNameSchema, mediaTypeSchema, sha256Schema, sizeBytesSchema } from '../uploads/declared-file';
import { EACH, report, uniqueBy, whenValid } from './cross-field';

export const MATERIAL_TYPES = [
  'application-form',
  'articles-of-association',
  'identity-document',
  'address-proof',
  'shareholder-resolution',
  'appointment-letter',
  'other',
] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** 市场主体登记管理条例 第十六条 asks for the articles (章程) and the documents of the address (住所相关文件). */
export const REQUIRED_MATERIALS: readonly { type: MaterialType; en: string; zh: string }[] = [
  { type: 'articles-of-association', en: 'articles of association', zh: '公司章程' },
  { type: 'address-proof', en: 'proof of the registered address', zh: '住所使用证明' },
];

const materialSchema = z
  .object({
    type: z
      .string()
      .regex(
        /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
        bilingual('Choose what the document is from the list', '请从列表中选择材料类型'),
      )
      .describe("What the document is: one of MATERIAL_TYPES, or a material the case's checklist names"),
    fileName: fileNameSchema,
    sha256: sha256Schema,
    sizeBytes: sizeBytesSchema,
    mediaType: mediaTypeSchema,
  })
  .strict()
  .superRefine(checkExtension, whenValid(['fileName'], ['mediaType']))
  .describe('One uploaded document');

export const materialsSchema = z
  .array(materialSchema)
  .min(1, { error: bilingual('Upload the application materials', '请上传申请材料'), abort: true })
  .max(50, bilingual('Upload at most 50 files', '最多上传50个文件'))
  .superRefine(
    uniqueBy(
      (material) => material.sha256,
      () => ['sha256'],
      'The same file is uploaded twice',
      '同一文件重复上传',
    ),
    whenValid([EACH, 'sha256']),
  )
  .superRefine(
    (materials, ctx) => {
      for (const required of REQUIRED_MATERIALS) {
        if (!materials.some((material) => material.type === required.type)) {
          report(ctx, [], `Upload the ${required.en}`, `请上传${required.zh}`);
        }
      }
    },
    whenValid([EACH, 'type']),
  )
  .describe('The one set of materials all three departments use (一套材料)');
