import * as z from 'zod';
import { report, whenValid } from '../form/cross-field';
import {
  fileNameSchema,
  mediaTypeSchema,
  mismatchedExtensions,
  sha256Schema,
  sizeBytesSchema,
} from './declared-file';

/** Raises the finding that a file's name does not end in an extension of its media type. */
export function checkExtension(
  file: { fileName: string; mediaType: z.infer<typeof mediaTypeSchema> },
  ctx: z.RefinementCtx,
): void {
  const extensions = mismatchedExtensions(file.fileName, file.mediaType);
  if (!extensions) return;
  report(
    ctx,
    ['fileName'],
    `A file of type ${file.mediaType} needs a name ending in ${extensions.join(' or ')}`,
    `${file.mediaType}文件的文件名应以${extensions.join('或')}结尾`,
  );
}

/** The body of `POST /api/uploads`: the file the browser is about to send. */
export const uploadDeclarationSchema = z
  .object({
    fileName: fileNameSchema,
    mediaType: mediaTypeSchema,
    sizeBytes: sizeBytesSchema,
    sha256: sha256Schema,
  })
  .strict()
  .superRefine(checkExtension, whenValid(['fileName'], ['mediaType']))
  .describe('A file about to be uploaded');

export type UploadDeclaration = z.infer<typeof uploadDeclarationSchema>;
