import * as z from 'zod';
import { bilingual } from '../errors';

/**
 * What a founder declares about a file before uploading it, and the rules it must follow. Declared once here:
 * the upload request (`POST /api/uploads`) and the form's materials both read them.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const EXTENSIONS_BY_MEDIA_TYPE = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
} as const satisfies Record<string, readonly string[]>;

export type UploadMediaType = keyof typeof EXTENSIONS_BY_MEDIA_TYPE;
export const UPLOAD_MEDIA_TYPES = Object.keys(EXTENSIONS_BY_MEDIA_TYPE) as [
  UploadMediaType,
  ...UploadMediaType[],
];

export const fileNameSchema = z
  .string()
  .trim()
  .min(1, bilingual('Give the file name', '请填写文件名'))
  .max(255, bilingual('A file name has at most 255 characters', '文件名最多255个字符'))
  .refine(
    (fileName) => !/[\\/]/.test(fileName),
    bilingual('A file name cannot contain / or \\', '文件名不能包含“/”或“\\”'),
  )
  .describe('Original file name, without folders');

export const sha256Schema = z
  .string()
  .regex(
    /^[0-9a-f]{64}$/,
    bilingual('sha256 is 64 lowercase hexadecimal characters', 'sha256应为64位小写十六进制字符'),
  )
  .describe('SHA-256 of the uploaded file, lowercase hex: identifies the upload');

export const sizeBytesSchema = z
  .number()
  .int(bilingual('The size is a whole number of bytes', '文件大小应为整数字节'))
  .min(1, bilingual('The file is empty', '文件为空'))
  .max(MAX_UPLOAD_BYTES, bilingual('A file may be at most 20 MiB', '单个文件不得超过20 MiB'))
  .describe('File size in bytes, 1 byte to 20 MiB');

export const mediaTypeSchema = z
  .enum(UPLOAD_MEDIA_TYPES, { error: bilingual('Upload a PDF, JPG or PNG file', '请上传PDF、JPG或PNG文件') })
  .describe('PDF, JPEG or PNG');

/** The extensions a file of `mediaType` may end in, when its name does not end in one of them. */
export function mismatchedExtensions(
  fileName: string,
  mediaType: UploadMediaType,
): readonly string[] | undefined {
  const extensions: readonly string[] = EXTENSIONS_BY_MEDIA_TYPE[mediaType];
  const name = fileName.toLowerCase();
  return extensions.some((extension) => name.endsWith(extension)) ? undefined : extensions;
}
