import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_TABLE_NAME, VERIFY_RATE_LIMIT_PER_5_MINUTES } from '../../../shared/config';
import { generateUscc } from '../../../shared/ids/uscc';
import { BUCKETS, OBJECT_KEYS } from '../../../shared/storage/buckets';
import { samplePdf, sha256Of } from '../../support/uploads';
import { qrTextOf, readPdf } from '../../unit/documents/pdf-reading';
import { png, windowsExecutable } from '../../unit/uploads/files';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/**
 * Materials in and documents out, over HTTP against `npm start`'s server: uploads to the local S3,
 * checked and scanned with ClamAV, filed in a case, read by the officer whose item needs them; the
 * completed case's e-licence, whose QR code opens the public verification.
 */

/** EICAR's test file, built from two halves so the repository never holds it whole. */
const EICAR = `X5O!P%@AP[4\\PZX54(P^)7CC)7}$${'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'}`;
const MiB = 1024 * 1024;

let server: TestServer;
const tokens: Record<string, string> = {};
let keys = 0;

/** Tokens expire on the runtime clock: moving it means signing in again. */
async function signIn() {
  tokens.founder = await server.token('founder-docs', ['applicants']);
  tokens.other = await server.token('founder-other', ['applicants']);
  tokens.market = await server.token('officer-market-docs', ['officers-market-regulation']);
  tokens.tax = await server.token('officer-tax-docs', ['officers-tax']);
  tokens.police = await server.token('officer-police-docs', ['officers-public-security']);
}

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
  await server.setClock({ now: '2026-12-01T02:00:00.000Z' });
  await signIn();
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

const pdfFile = async (label: string, pages = 1) => ({
  fileName: `${label}.pdf`,
  mediaType: 'application/pdf' as const,
  bytes: await samplePdf(label, pages),
});

/** The fixture with its first materials naming these uploads. */
function formWith(uploads: { type: string; uploadId: string }[]) {
  const form = validApplication();
  form.materials = [...uploads, ...form.materials.slice(uploads.length)];
  return form;
}

const submit = (form: unknown, token = tokens.founder) =>
  server.request('POST', '/api/applications', {
    token,
    body: form,
    headers: { 'idempotency-key': `docs-${keys++}-${Date.now()}` },
  });

async function download(path: string, token: string) {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) return { status: response.status, bytes: undefined };
  const file = await fetch(location);
  return {
    status: response.status,
    fileStatus: file.status,
    contentType: file.headers.get('content-type'),
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}

const localClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/** Whether the local S3 holds an object: the test looks into storage itself, as no route may. */
async function stored(bucket: keyof typeof BUCKETS, key: string): Promise<boolean> {
  const s3 = new S3Client({ ...localClientConfig(server.s3Endpoint()), forcePathStyle: true });
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKETS[bucket].localName, Key: key }));
    return true;
  } catch {
    return false;
  } finally {
    s3.destroy();
  }
}

/** The views recorded under a case, read from the table itself. */
async function viewsOf(caseId: string) {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(server.dynamoEndpoint())));
  const { Items } = await client.send(
    new QueryCommand({
      TableName: LOCAL_TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :views)',
      ExpressionAttributeValues: { ':pk': `APP#${caseId}`, ':views': 'VIEW#' },
    }),
  );
  client.destroy();
  return Items ?? [];
}

async function taskOf(department: string, applicationId: string) {
  const inbox = await server.poll(
    `/api/departments/${department}/tasks`,
    tokens[department === 'market-regulation' ? 'market' : department === 'tax' ? 'tax' : 'police'] as string,
    (body: { items: { applicationId: string }[] }) =>
      body.items.some((task) => task.applicationId === applicationId),
  );
  return inbox.items.find(
    (task: { applicationId: string }) => task.applicationId === applicationId,
  ) as unknown as {
    id: string;
  };
}

describe('uploads: checked and scanned before anyone may file them', () => {
  test('a real PDF and PNG come back clean; the officer downloads the identical bytes', async () => {
    // Prepare
    const articles = await pdfFile('articles', 3);
    const address = { fileName: 'lease.png', mediaType: 'image/png' as const, bytes: png(64, 48) };

    // Act
    const [articlesUpload, addressUpload] = await Promise.all([
      server.upload(tokens.founder as string, articles),
      server.upload(tokens.founder as string, address),
    ]);
    const created = await submit(
      formWith([
        { type: 'application-form', uploadId: 'up-fixture0000000000000000001' },
        { type: 'articles-of-association', uploadId: articlesUpload.id },
        { type: 'address-proof', uploadId: addressUpload.id },
      ]),
    );

    // Assess
    expect(articlesUpload.status).toBe('clean');
    expect(addressUpload.status).toBe('clean');
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await taskOf('market-regulation', id);
    const detail = await server.request('GET', `/api/tasks/${(await taskOf('market-regulation', id)).id}`, {
      token: tokens.market,
    });
    const materials = detail.body.application.form.materials as { uploadId: string; fileName: string }[];
    expect(materials.find((material) => material.uploadId === articlesUpload.id)?.fileName).toBe(
      'articles.pdf',
    );
    const pdf = await download(
      `/api/applications/${id}/materials/${articlesUpload.id}`,
      tokens.market as string,
    );
    const image = await download(
      `/api/applications/${id}/materials/${addressUpload.id}`,
      tokens.market as string,
    );
    expect(pdf).toMatchObject({ status: 302, fileStatus: 200, contentType: 'application/pdf' });
    expect(sha256Of(pdf.bytes as Uint8Array)).toBe(sha256Of(articles.bytes));
    expect(sha256Of(image.bytes as Uint8Array)).toBe(sha256Of(address.bytes));
    // The founder may read their own case's files; another founder and another department's officer may not.
    expect(
      (await download(`/api/applications/${id}/materials/${articlesUpload.id}`, tokens.founder as string))
        .status,
    ).toBe(302);
    expect(
      (await download(`/api/applications/${id}/materials/${articlesUpload.id}`, tokens.other as string))
        .status,
    ).toBe(404);
    expect(
      (await download(`/api/applications/${id}/materials/${articlesUpload.id}`, tokens.tax as string)).status,
    ).toBe(404);
    // Every look is recorded on the case: who, in which role, which file; refusals are not looks.
    const views = await viewsOf(id);
    expect(views.map((view) => [view.viewer.sub, view.viewer.role, view.file.fileName])).toEqual([
      ['officer-market-docs', 'officer', 'articles.pdf'],
      ['officer-market-docs', 'officer', 'lease.png'],
      ['founder-docs', 'party', 'articles.pdf'],
    ]);
    expect(views[0]?.viewer.departments).toEqual(['market-regulation']);
    // Filed, the files are the case's: copied under it, out of reach of the lifecycle of incoming/.
    expect(await stored('uploads', OBJECT_KEYS.material(id, articlesUpload.id))).toBe(true);
  }, 120_000);

  test('a file whose bytes are not the declared SHA-256 is rejected, with why in both languages', async () => {
    // Prepare
    const file = await pdfFile('declared-wrongly');
    const slot = await server.request('POST', '/api/uploads', {
      token: tokens.founder,
      body: {
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.bytes.byteLength,
        sha256: '0'.repeat(64),
      },
    });

    // Act
    const { postToStorage } = await import('../../support/uploads');
    const stored = await postToStorage(slot.body.upload, file);
    const settled = await server.poll(
      `/api/uploads/${slot.body.id}`,
      tokens.founder as string,
      (body) => body.status !== 'pending',
    );

    // Assess
    expect(stored.status).toBe(204);
    expect(settled.status).toBe('rejected');
    expect(settled.reason.en).toMatch(/SHA-256/);
    expect(settled.reason.zh).toMatch(/SHA-256|哈希|校验/);
  }, 60_000);

  test('an executable renamed .pdf is rejected for what it really is', async () => {
    // Act
    const uploaded = await server.upload(tokens.founder as string, {
      fileName: 'articles.pdf',
      mediaType: 'application/pdf',
      bytes: windowsExecutable(),
    });

    // Assess
    expect(uploaded.status).toBe('rejected');
    expect(uploaded.reason?.en).toMatch(/executable/i);
  }, 60_000);

  test('EICAR is infected, quarantined, and refused at that material when filed', async () => {
    // Prepare
    const uploaded = await server.upload(tokens.founder as string, {
      fileName: 'eicar.pdf',
      mediaType: 'application/pdf',
      bytes: new TextEncoder().encode(EICAR),
    });

    // Act
    const filed = await submit(formWith([{ type: 'application-form', uploadId: uploaded.id }]));

    // Assess
    expect(uploaded.status).toBe('infected');
    expect(uploaded.reason?.en).toMatch(/malware/);
    expect(await stored('quarantine', OBJECT_KEYS.quarantined(uploaded.id))).toBe(true);
    expect(await stored('uploads', OBJECT_KEYS.incoming(uploaded.id))).toBe(false);
    expect(filed.status).toBe(400);
    expectErrorShape(filed.body);
    expect(filed.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'materials.0.uploadId',
        message_zh: expect.stringMatching(/恶意代码/),
      }),
    ]);
  }, 60_000);

  test("another founder's upload is refused at that material, and nothing is filed", async () => {
    // Prepare
    const theirs = await server.upload(tokens.other as string, await pdfFile('not-yours'));
    const before = await server.request('GET', '/api/applications', { token: tokens.founder });

    // Act
    const filed = await submit(formWith([{ type: 'application-form', uploadId: theirs.id }]));

    // Assess
    expect(theirs.status).toBe('clean');
    expect(filed.status).toBe(400);
    expect(filed.body.error.fields.map((field: { path: string }) => field.path)).toEqual([
      'materials.0.uploadId',
    ]);
    const after = await server.request('GET', '/api/applications', { token: tokens.founder });
    expect(after.body.items).toHaveLength(before.body.items.length);
  }, 60_000);

  test('21 MiB is refused: by the API when declared, by the storage policy when sent in a 20 MiB slot', async () => {
    // Prepare
    const { postToStorage, sha256Of: hash } = await import('../../support/uploads');
    const bytes = new Uint8Array(21 * MiB).fill(32);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));

    // Act
    const declared = await server.request('POST', '/api/uploads', {
      token: tokens.founder,
      body: {
        fileName: 'big.pdf',
        mediaType: 'application/pdf',
        sizeBytes: bytes.byteLength,
        sha256: hash(bytes),
      },
    });
    const slot = await server.request('POST', '/api/uploads', {
      token: tokens.founder,
      body: { fileName: 'big.pdf', mediaType: 'application/pdf', sizeBytes: 20 * MiB, sha256: hash(bytes) },
    });
    const stored = await postToStorage(slot.body.upload, {
      fileName: 'big.pdf',
      mediaType: 'application/pdf',
      bytes,
    });

    // Assess
    expect(declared.status).toBe(400);
    expect(declared.body.error.fields[0].path).toBe('sizeBytes');
    expect(slot.status).toBe(201);
    expect(stored.status).toBe(400);
    expect(stored.text).toContain('<Code>EntityTooLarge</Code>');
    const status = await server.request('GET', `/api/uploads/${slot.body.id}`, { token: tokens.founder });
    expect(status.body.status).toBe('pending');
  }, 60_000);

  test('another content type than the slot was made for is refused by the storage policy', async () => {
    // Prepare
    const { postToStorage } = await import('../../support/uploads');
    const file = await pdfFile('typed');
    const slot = await server.request('POST', '/api/uploads', {
      token: tokens.founder,
      body: {
        fileName: 'typed.pdf',
        mediaType: 'application/pdf',
        sizeBytes: file.bytes.byteLength,
        sha256: sha256Of(file.bytes),
      },
    });

    // Act
    const stored = await postToStorage(
      { ...slot.body.upload, fields: { ...slot.body.upload.fields, 'Content-Type': 'text/html' } },
      file,
    );

    // Assess
    expect(stored.status).toBe(403);
    expect(stored.text).toContain('Policy Condition failed');
  }, 60_000);

  test('another file sent to a slot after its check refuses the upload: only the file checked is ever filed', async () => {
    // Prepare
    const { postToStorage } = await import('../../support/uploads');
    const first = await pdfFile('first-sent');
    const slot = await server.request('POST', '/api/uploads', {
      token: tokens.founder,
      body: {
        fileName: first.fileName,
        mediaType: first.mediaType,
        sizeBytes: first.bytes.byteLength,
        sha256: sha256Of(first.bytes),
      },
    });
    expect((await postToStorage(slot.body.upload, first)).status).toBe(204);
    const clean = await server.poll(
      `/api/uploads/${slot.body.id}`,
      tokens.founder as string,
      (body) => body.status !== 'pending',
    );
    const swapped = new Uint8Array(first.bytes);
    swapped[swapped.length - 2] = swapped[swapped.length - 2] === 0x0a ? 0x20 : 0x0a;

    // Act
    expect((await postToStorage(slot.body.upload, { ...first, bytes: swapped })).status).toBe(204);
    const after = await server.poll(
      `/api/uploads/${slot.body.id}`,
      tokens.founder as string,
      (body) => body.status !== 'clean',
    );
    const filed = await submit(formWith([{ type: 'application-form', uploadId: slot.body.id }]));

    // Assess
    expect(clean.status).toBe('clean');
    expect(after.status).toBe('rejected');
    expect(after.reason.zh).toContain('重新上传');
    expect(filed.status).toBe(400);
    expect(filed.body.error.fields[0]).toMatchObject({ path: 'materials.0.uploadId' });
  }, 60_000);

  test("an upload is its owner's alone to see", async () => {
    // Prepare
    const mine = await server.upload(tokens.founder as string, await pdfFile('mine'));

    // Act
    const theirs = await server.request('GET', `/api/uploads/${mine.id}`, { token: tokens.other });

    // Assess
    expect(theirs.status).toBe(404);
  }, 60_000);
});

describe('abandoned uploads', () => {
  test('an upload never filed expires after a day: its status is gone and a form naming it is refused', async () => {
    // Prepare
    const abandoned = await server.upload(tokens.founder as string, await pdfFile('abandoned'));
    expect(abandoned.status).toBe('clean');

    // Act
    await server.setClock({ advance: 'P1DT1H' });
    await signIn();
    const status = await server.request('GET', `/api/uploads/${abandoned.id}`, { token: tokens.founder });
    const filed = await submit(formWith([{ type: 'application-form', uploadId: abandoned.id }]));

    // Assess
    expect(status.status).toBe(404);
    expect(filed.status).toBe(400);
    expect(filed.body.error.fields[0]).toMatchObject({ path: 'materials.0.uploadId' });
    // The bucket's lifecycle rule, run on the same clock, deletes the object too.
    await expect
      .poll(() => stored('uploads', OBJECT_KEYS.incoming(abandoned.id)), { timeout: 20_000 })
      .toBe(false);
  }, 60_000);
});

describe('documents: the completed case is issued its e-licence and certificates', () => {
  test('the e-licence is a PDF with the USCC and the name, its QR code opens the verification', async () => {
    // Prepare
    const created = await submit(validApplication());
    const id = created.body.id as string;
    for (const [department, token] of [
      ['market-regulation', tokens.market],
      ['tax', tokens.tax],
      ['public-security', tokens.police],
    ] as const) {
      const task = await taskOf(department, id);
      expect(
        (
          await server.request('POST', `/api/tasks/${task.id}/decision`, {
            token,
            body: { outcome: 'approved' },
          })
        ).status,
      ).toBe(200);
    }

    // Act
    const done = await server.poll(
      `/api/applications/${id}`,
      tokens.founder as string,
      (body) => body.status === 'completed',
    );
    const listed = await server.request('GET', `/api/applications/${id}/documents`, {
      token: tokens.founder,
    });
    const licence = listed.body.items.find((document: { kind: string }) => document.kind === 'e-licence');
    const pdf = await download(`/api/applications/${id}/documents/${licence.id}`, tokens.founder as string);

    // Assess
    const { uscc, companyName } = done.items.registration.result;
    expect(listed.body.items.map((document: { kind: string }) => document.kind).sort()).toEqual([
      'e-licence',
      'invoice-approval-notice',
      'seal-filing-certificate',
    ]);
    expect(pdf.contentType).toBe('application/pdf');
    const read = await readPdf(pdf.bytes as Uint8Array);
    expect(read.text).toContain(uscc);
    expect(read.text).toContain(companyName);
    const url = await qrTextOf(pdf.bytes as Uint8Array);
    expect(url).toBe(`${server.url}/verify/${uscc}`);
    const verified = await server.request('GET', `/api/verify/${uscc}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      uscc,
      companyName,
      status: 'registered',
      establishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      issuedBy: { zh: expect.stringContaining('市场监督管理局'), en: expect.any(String) },
    });
    // Ops see that the documents were issued, never the documents, which name people.
    const ops = await server.token('ops-docs', ['ops']);
    expect((await server.request('GET', `/api/applications/${id}/documents`, { token: ops })).status).toBe(
      200,
    );
    expect((await download(`/api/applications/${id}/documents/${licence.id}`, ops)).status).toBe(404);
    // Another founder sees neither the list nor the file.
    expect(
      (await server.request('GET', `/api/applications/${id}/documents`, { token: tokens.other })).status,
    ).toBe(404);
    expect(
      (await download(`/api/applications/${id}/documents/${licence.id}`, tokens.other as string)).status,
    ).toBe(404);
  }, 180_000);

  test('verification: an unknown code is 404, a malformed one 400, neither says anything more', async () => {
    // Act
    const unknown = await server.request('GET', `/api/verify/${generateUscc()}`);
    const malformed = await server.request('GET', '/api/verify/not-a-code');

    // Assess
    expect([unknown.status, malformed.status]).toEqual([404, 400]);
    expectErrorShape(unknown.body);
    expectErrorShape(malformed.body);
    expect(malformed.body.error.fields[0]).toMatchObject({
      path: 'uscc',
      message_zh: '统一社会信用代码无效',
    });
  });
});

describe('the public verification is rate-limited per network, as the WAF rule limits it', () => {
  test('past the limit in five minutes, one address gets 429 with Retry-After, in both languages', async () => {
    // Act
    const statuses: number[] = [];
    let blocked: { headers: Headers; body: any } | undefined;
    for (let request = 0; request < VERIFY_RATE_LIMIT_PER_5_MINUTES + 5; request++) {
      const answer = await server.request('GET', `/api/verify/${generateUscc()}`);
      statuses.push(answer.status);
      if (answer.status === 429) blocked ??= answer;
    }

    // Assess
    expect(statuses.slice(0, VERIFY_RATE_LIMIT_PER_5_MINUTES - 3).every((status) => status === 404)).toBe(
      true,
    );
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    expect(blocked?.headers.get('retry-after')).toBe('300');
    expectErrorShape(blocked?.body);
    expect(blocked?.body.error.message_zh).toBe('您的网络请求过于频繁，请几分钟后再试');
  }, 60_000);
});
