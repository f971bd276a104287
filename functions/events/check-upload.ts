import * as z from 'zod';
import { checkUpload } from '../../shared/uploads/check-upload';
import { eventHandler, unquoted } from './event-handler';

/** S3's Object Created notification for an upload: check its bytes against what was declared. */
export const handler = eventHandler(
  z
    .object({
      bucket: z.object({ name: z.string() }),
      object: z.object({ key: z.string(), etag: z.string().optional() }).loose(),
    })
    .loose(),
  (detail) => checkUpload({ key: detail.object.key, etag: unquoted(detail.object.etag) }),
);
