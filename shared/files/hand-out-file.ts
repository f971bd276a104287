import type { Caller } from '../api/caller';
import { officerDepartments } from '../api/caller';
import type { BucketName } from '../storage/buckets';
import { presignedGet } from './presigned-get';
import { type FileView, recordFileView, viewerIdentity } from './record-view';

/**
 * A file of a case handed to a caller who may read it: a redirect to a short-lived URL of it, once the
 * file is known to exist and the look is recorded (who, as party or officer, when, which file).
 */
export async function handOutFile(request: {
  caller: Caller;
  party: boolean;
  caseId: string;
  bucket: BucketName;
  stored: { key: string; fileName: string; mediaType: string };
  file: FileView['file'];
  at: Date;
}) {
  const { caller, party, stored } = request;
  const location = await presignedGet(request.bucket, stored.key, stored);
  await recordFileView({
    caseId: request.caseId,
    file: request.file,
    viewer: party
      ? viewerIdentity(caller, 'party')
      : viewerIdentity(caller, 'officer', officerDepartments(caller)),
    at: request.at.toISOString(),
  });
  return { status: 302, body: undefined, headers: { location } };
}
