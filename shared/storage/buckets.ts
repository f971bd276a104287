/**
 * The platform's buckets, declared once: CDK makes each private, KMS-encrypted and versioned with its
 * lifecycle (infra/storage.ts), the local runtime makes the same buckets in its S3 stand-in and applies the
 * same lifecycle on its clock (local/s3/), and functions find each by its environment variable.
 */
export const BUCKETS = {
  /** What founders upload, straight from the browser through a presigned POST (shared/uploads/). */
  uploads: {
    constructId: 'Uploads',
    localName: 'company-opening-uploads',
    environment: 'UPLOADS_BUCKET',
    /** The browser posts to it from the web app's origin. */
    browserUploads: true,
  },
  /** Files the malware scan found infected, moved out of reach of every route. */
  quarantine: {
    constructId: 'Quarantine',
    localName: 'company-opening-quarantine',
    environment: 'QUARANTINE_BUCKET',
    browserUploads: false,
  },
  /** The documents a completed case is issued: the e-licence and the certificates. */
  documents: {
    constructId: 'Documents',
    localName: 'company-opening-documents',
    environment: 'DOCUMENTS_BUCKET',
    browserUploads: false,
  },
} as const;

export type BucketName = keyof typeof BUCKETS;

/**
 * Where objects live inside the buckets. Uploads land under `incoming/` and are copied under the case
 * once filed, so the lifecycle rule can drop what was never filed without touching a case's materials.
 */
export const OBJECT_KEYS = {
  incoming: (uploadId: string) => `incoming/${uploadId}`,
  material: (caseId: string, uploadId: string) => `cases/${caseId}/materials/${uploadId}`,
  quarantined: (uploadId: string) => `quarantine/${uploadId}`,
  document: (caseId: string, documentId: string) => `cases/${caseId}/documents/${documentId}.pdf`,
} as const;

/** An upload nobody filed in a case is deleted a day after it arrived (S3 lifecycle counts whole days). */
export const ABANDONED_UPLOAD_DAYS = 1;

/** Lifecycle rules by bucket: objects under `prefix` expire `days` after they were written. */
export const LIFECYCLE: Readonly<Partial<Record<BucketName, readonly { prefix: string; days: number }[]>>> = {
  uploads: [{ prefix: 'incoming/', days: ABANDONED_UPLOAD_DAYS }],
};

/** A presigned URL lives this long: long enough to start a 20 MiB upload or a download, no longer. */
export const PRESIGNED_URL_SECONDS = 300;
