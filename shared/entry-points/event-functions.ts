import { type Access, WRITES_ITEMS } from './access';

/** The names of the resources an event pattern matches, as the deployment (or the local runtime) calls them. */
export interface PatternResources {
  uploadsBucket: string;
}

/**
 * A Lambda function an EventBridge rule runs, declared once: CDK makes the rule on `bus` with `pattern`
 * and grants `access`; the local runtime's buses (local/event-bus.ts) match the same pattern against
 * the events its stand-ins emit (the local S3's Object Created, the local scanner's result) and the case
 * events the functions put.
 */
export interface EventFunction {
  name: string;
  /** The default bus (AWS services' events) or the case event bus (shared/events/). */
  bus: 'default' | 'caseEvents';
  handler: `functions/events/${string}.ts`;
  description: string;
  /** What an event left in its dead-letter queue means for people, in its alarm's description. */
  deadLetterMeaning: string;
  pattern: (resources: PatternResources) => Record<string, unknown>;
  access: Access;
}

export const EVENT_FUNCTIONS = {
  checkUpload: {
    name: 'UploadCheck',
    bus: 'default',
    handler: 'functions/events/check-upload.ts',
    description:
      "Checks an upload's bytes against what was declared: hash, real type, size, pages and pixels",
    deadLetterMeaning: 'their uploads stay pending until replayed',
    // S3's EventBridge notifications (docs: "Using EventBridge", Object Created).
    pattern: ({ uploadsBucket }) => ({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [uploadsBucket] }, object: { key: [{ prefix: 'incoming/' }] } },
    }),
    access: {
      table: WRITES_ITEMS,
      storage: [{ bucket: 'uploads', actions: ['s3:GetObject'], keys: 'incoming/*' }],
    },
  },
  recordScanResult: {
    name: 'UploadScanResult',
    bus: 'default',
    handler: 'functions/events/record-scan-result.ts',
    description: 'Takes the malware scan of an upload: clean, or infected and moved to quarantine',
    deadLetterMeaning: 'their uploads stay pending until replayed',
    // GuardDuty Malware Protection for S3's result event (docs: "Monitoring S3 object scans with EventBridge").
    pattern: ({ uploadsBucket }) => ({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
      detail: { s3ObjectDetails: { bucketName: [uploadsBucket] } },
    }),
    access: {
      table: WRITES_ITEMS,
      storage: [
        { bucket: 'uploads', actions: ['s3:GetObject', 's3:DeleteObject'], keys: 'incoming/*' },
        { bucket: 'quarantine', actions: ['s3:PutObject'], keys: 'quarantine/*' },
      ],
    },
  },
} as const satisfies Record<string, EventFunction>;
