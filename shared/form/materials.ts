import * as z from 'zod';
import { bilingual } from '../errors';
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

export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

const EXTENSIONS_BY_MEDIA_TYPE = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
} as const satisfies Record<string, readonly string[]>;

type MediaType = keyof typeof EXTENSIONS_BY_MEDIA_TYPE;
const MEDIA_TYPES = Object.keys(EXTENSIONS_BY_MEDIA_TYPE) as [MediaType, ...MediaType[]];

/**
 * What the browser declares of a file before it uploads it (POST /api/uploads). The limits are the
 * platform's own choice: 20 MiB holds a scanned multi-page document, and PDF, JPEG and PNG are what every
 * department's viewer opens.
 */
export const uploadDeclarationSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1, bilingual('Give the file name', '请填写文件名'))
      .max(255, bilingual('A file name has at most 255 characters', '文件名最多255个字符'))
      .refine(
        (fileName) => !/[\\/]/.test(fileName),
        bilingual('A file name cannot contain / or \\', '文件名不能包含“/”或“\\”'),
      )
      .describe('Original file name, without folders'),
    sha256: z
      .string()
      .regex(
        /^[0-9a-f]{64}$/,
        bilingual('sha256 is 64 lowercase hexadecimal characters', 'sha256应为64位小写十六进制字符'),
      )
      .describe('SHA-256 of the file, lowercase hex: the upload must have exactly these bytes'),
    sizeBytes: z
      .number()
      .int(bilingual('The size is a whole number of bytes', '文件大小应为整数字节'))
      .min(1, bilingual('The file is empty', '文件为空'))
      .max(MAX_MATERIAL_BYTES, bilingual('A file may be at most 20 MiB', '单个文件不得超过20 MiB'))
      .describe('File size in bytes, 1 byte to 20 MiB'),
    mediaType: z
      .enum(MEDIA_TYPES, { error: bilingual('Upload a PDF, JPG or PNG file', '请上传PDF、JPG或PNG文件') })
      .describe('PDF, JPEG or PNG'),
  })
  .strict()
  .superRefine(
    (declaration, ctx) => {
      const extensions: readonly string[] = EXTENSIONS_BY_MEDIA_TYPE[declaration.mediaType];
      if (!extensions.some((extension) => declaration.fileName.toLowerCase().endsWith(extension))) {
        report(
          ctx,
          ['fileName'],
          `A file of type ${declaration.mediaType} needs a name ending in ${extensions.join(' or ')}`,
          `${declaration.mediaType}文件的文件名应以${extensions.join('或')}结尾`,
        );
      }
    },
    whenValid(['fileName'], ['mediaType']),
  )
  .describe('A file the browser is about to upload');
export type UploadDeclaration = z.infer<typeof uploadDeclarationSchema>;

const materialSchema = z
  .object({
    type: z
      .string()
      .regex(
        /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
        bilingual('Choose what the document is from the list', '请从列表中选择材料类型'),
      )
      .describe("What the document is: one of MATERIAL_TYPES, or a material the case's checklist names"),
    uploadId: z
      .string()
      .min(1, bilingual('Upload the file', '请上传文件'))
      .max(100, bilingual('An upload id has at most 100 characters', '上传编号最多100个字符'))
      .describe('The id POST /api/uploads gave the file'),
  })
  .strict()
  .describe('One uploaded document');

export const materialsSchema = z
  .array(materialSchema)
  .min(1, { error: bilingual('Upload the application materials', '请上传申请材料'), abort: true })
  .max(50, bilingual('Upload at most 50 files', '最多上传50个文件'))
  .superRefine(
    uniqueBy(
      (material) => material.uploadId,
      () => ['uploadId'],
      'The same file is uploaded twice',
      '同一文件重复上传',
    ),
    whenValid([EACH, 'uploadId']),
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
