import { randomUUID } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import S3rver from 's3rver';
import { BUCKETS } from '../../shared/storage/buckets';
import { checkPostPolicy, s3ErrorXml } from './post-policy';

const require = createRequire(import.meta.url);

/** What a presigned POST may carry beyond its file: S3 limits the form's fields to 20 KB before the file. */
const MAX_POST_BYTES = 64 * 1024 * 1024;

/** The browser posts from the web app's origin; the buckets answer CORS as the CDK buckets are configured. */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface CreatedObject {
  bucket: string;
  key: string;
  size: number;
  etag?: string;
  reason: 'PutObject' | 'PostObject' | 'CopyObject';
  sourceIp: string;
}

export interface LocalS3 {
  endpoint: string;
  server: Server;
  close: () => Promise<void>;
}

/**
 * S3 on one machine: s3rver stores the objects under `directory` and speaks the S3 REST API to the
 * unchanged SDK; in front of it, the checks s3rver leaves out that S3 makes, so the local platform is
 * refused where AWS would refuse it: a browser POST's policy conditions (size, type, key, expiry).
 * Each object created is reported as S3's EventBridge notification would report it.
 */
export async function startLocalS3(options: {
  directory: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  objectCreated: (object: CreatedObject) => void;
  port?: number;
}): Promise<LocalS3> {
  // s3rver checks request signatures against its own accounts: the runtime's credentials are one.
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as {
    DUMMY_ACCOUNT: { createKeyPair: (id: string, secret: string) => void };
  };
  DUMMY_ACCOUNT.createKeyPair(options.credentials.accessKeyId, options.credentials.secretAccessKey);
  const backend = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: options.directory,
    vhostBuckets: false,
    configureBuckets: Object.values(BUCKETS).map((bucket) => ({ name: bucket.localName, configs: [CORS] })),
  });
  const backendAddress = (await backend.run()) as { port: number };
  backend.on('event', (event: { Records: S3Record[] }) => {
    for (const record of event.Records) {
      const reason = CREATED_REASONS[record.eventName];
      if (!reason) continue;
      options.objectCreated({
        bucket: record.s3.bucket.name,
        key: decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')),
        size: record.s3.object.size ?? 0,
        etag: record.s3.object.eTag,
        reason,
        sourceIp: record.requestParameters.sourceIPAddress,
      });
    }
  });

  // S3 makes each write of a key atomic (the last one wins); s3rver writes the file in place, so two
  // writes of one key at once could interleave. Writes of one key wait for each other here.
  const writing = new Map<string, Promise<void>>();
  const forward = (request: IncomingMessage, response: ServerResponse, body?: Buffer) => {
    const key = request.method === 'PUT' ? (request.url ?? '').split('?')[0] : undefined;
    if (!key) return send(request, response, body);
    const previous = writing.get(key) ?? Promise.resolve();
    const done = previous.then(
      () =>
        new Promise<void>((resolve) => {
          response.once('close', resolve);
          send(request, response, body);
        }),
    );
    writing.set(key, done);
    void done.then(() => {
      if (writing.get(key) === done) writing.delete(key);
    });
  };
  const send = (request: IncomingMessage, response: ServerResponse, body?: Buffer) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: backendAddress.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    if (body) upstream.end(body);
    else request.pipe(upstream);
  };

  const server = createServer((request, response) => {
    if (isBrowserPost(request)) {
      void checkedPost(request, response, options.credentials).then((body) => {
        if (body) forward(request, response, body);
      });
      return;
    }
    forward(request, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await backend.close();
    },
  };
}

interface S3Record {
  eventName: string;
  requestParameters: { sourceIPAddress: string };
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
}

const CREATED_REASONS: Record<string, CreatedObject['reason']> = {
  'ObjectCreated:Put': 'PutObject',
  'ObjectCreated:Post': 'PostObject',
  'ObjectCreated:Copy': 'CopyObject',
};

/** A POST to a bucket itself, as a browser form sends it: `POST /<bucket>` with multipart/form-data. */
function isBrowserPost(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0] ?? '';
  return (
    request.method === 'POST' &&
    /^\/[^/]+\/?$/.test(path) &&
    (request.headers['content-type'] ?? '').startsWith('multipart/form-data')
  );
}

/** The whole body when the policy allows it; otherwise answers S3's refusal and resolves undefined. */
async function checkedPost(
  request: IncomingMessage,
  response: ServerResponse,
  credentials: { accessKeyId: string; secretAccessKey: string },
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_POST_BYTES) chunks.push(chunk as Buffer);
  }
  const refuse = (status: number, xml: string) => {
    response.writeHead(status, {
      'content-type': 'application/xml',
      ...(request.headers.origin ? { 'access-control-allow-origin': '*' } : {}),
    });
    response.end(xml);
    return undefined;
  };
  const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
  if (size > MAX_POST_BYTES) {
    return refuse(
      400,
      s3ErrorXml(
        {
          status: 400,
          code: 'EntityTooLarge',
          message: 'Your proposed upload exceeds the maximum allowed size',
        },
        requestId,
      ),
    );
  }
  const body = Buffer.concat(chunks);
  const form = await parseForm(request, body);
  const bucket = decodeURIComponent((request.url ?? '').split('?')[0]?.replace(/^\/|\/$/g, '') ?? '');
  const refusal = form
    ? checkPostPolicy(
        { bucket, fields: form.fields, fileBytes: form.fileBytes },
        (id) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined),
        new Date(),
      )
    : {
        status: 400 as const,
        code: 'MalformedPOSTRequest',
        message: 'The body of your POST request is not well-formed multipart/form-data.',
      };
  if (refusal) return refuse(refusal.status, s3ErrorXml(refusal, requestId));
  return body;
}

function parseForm(
  request: IncomingMessage,
  body: Buffer,
): Promise<{ fields: Record<string, string>; fileBytes: number } | undefined> {
  return new Promise((resolve) => {
    const fields: Record<string, string> = {};
    let fileBytes = 0;
    let sawFile = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { fieldSize: 1024 * 1024 } });
    } catch {
      return resolve(undefined);
    }
    parser.on('field', (name, value) => {
      // S3 ignores the fields after the file.
      if (!sawFile) fields[name] = value;
    });
    parser.on('file', (_name, stream) => {
      sawFile = true;
      stream.on('data', (chunk: Buffer) => {
        fileBytes += chunk.length;
      });
    });
    parser.on('close', () => resolve(sawFile ? { fields, fileBytes } : undefined));
    parser.on('error', () => resolve(undefined));
    parser.end(body);
  });
}
