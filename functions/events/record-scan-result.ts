import * as z from 'zod';
import { recordScan } from '../../shared/uploads/record-scan';
import { eventHandler, unquoted } from './event-handler';

/** GuardDuty Malware Protection for S3's verdict on an upload. */
export const handler = eventHandler(
  z
    .object({
      s3ObjectDetails: z
        .object({ bucketName: z.string(), objectKey: z.string(), eTag: z.string().optional() })
        .loose(),
      scanResultDetails: z
        .object({
          scanResultStatus: z.enum([
            'NO_THREATS_FOUND',
            'THREATS_FOUND',
            'UNSUPPORTED',
            'ACCESS_DENIED',
            'FAILED',
          ]),
          threats: z.array(z.object({ name: z.string() }).loose()).nullish(),
        })
        .loose(),
    })
    .loose(),
  (detail) =>
    recordScan({
      key: detail.s3ObjectDetails.objectKey,
      status: detail.scanResultDetails.scanResultStatus,
      threats: detail.scanResultDetails.threats?.map(({ name }) => name),
      etag: unquoted(detail.s3ObjectDetails.eTag),
    }),
);
