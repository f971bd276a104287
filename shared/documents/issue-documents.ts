import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { localDate } from '../calendar/local-date';
import type { CaseRecord, IssuedDocument } from '../case/model';
import { recordDocuments, TransitionRefused } from '../case/transitions';
import { registrationResultSchema } from '../catalogue/results';
import { now } from '../clock';
import { ENVIRONMENT } from '../config';
import { cases } from '../data/cases';
import { verifications } from '../data/verifications';
import { OBJECT_KEYS } from '../storage/buckets';
import { bucketName, storage } from '../storage/s3';
import { registrationAuthority } from './authorities';
import { documentsOf } from './documents-of';

function publicBaseUrl(): string {
  const url = process.env[ENVIRONMENT.publicBaseUrl];
  if (!url) throw new Error(`${ENVIRONMENT.publicBaseUrl} is not set`);
  return url;
}

/**
 * Issues a completed case its documents: renders each the catalogue declares for its approved items,
 * stores it under the case, lists it on the case, and publishes the registered company's public facts
 * for the e-licence's QR code. Running again after a crash renders the same documents again and
 * overwrites them with the same content; a case that lists its documents is left as it is.
 */
export async function issueDocuments(applicationId: string): Promise<void> {
  const record = await cases.get(applicationId);
  if (!record) throw new TransitionRefused(`Case ${applicationId} does not exist`);
  if (record.documents) return;
  // Issued when the case was delivered: a rerun renders the very same bytes.
  const issuedAt = record.delivery?.dispatchedAt ? new Date(record.delivery.dispatchedAt) : now();
  // The step runs just before the case closes: its documents are those of the completed case.
  const completed: CaseRecord = { ...record, status: 'completed' };
  const bucket = bucketName('documents');
  const issued: IssuedDocument[] = [];
  for (const document of documentsOf(completed, { publicBaseUrl: publicBaseUrl(), issuedAt })) {
    const bytes = await document.render();
    const key = OBJECT_KEYS.document(record.id, document.id);
    await storage.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: document.mediaType }),
    );
    issued.push({
      id: document.id,
      kind: document.kind,
      item: document.item,
      fileName: document.fileName,
      mediaType: document.mediaType,
      sizeBytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      key,
      issuedAt: issuedAt.toISOString(),
    });
  }
  const registration = registrationResultSchema.safeParse(record.items.registration?.result);
  const decidedAt = record.items.registration?.decidedAt;
  if (registration.success && decidedAt) {
    const district = record.form.company.address.district;
    await verifications.put({
      uscc: registration.data.uscc,
      companyName: registration.data.companyName,
      status: 'registered',
      establishedOn: localDate(decidedAt),
      issuedBy: {
        zh: registrationAuthority(district),
        en: `Administration for Market Regulation of ${district}, Guangzhou`,
      },
    });
  }
  await cases.update(applicationId, (current) =>
    current.documents ? current : recordDocuments(current, issued, issuedAt.toISOString()),
  );
}
