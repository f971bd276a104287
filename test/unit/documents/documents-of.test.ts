import { describe, expect, it } from 'vitest';
import { documentsOf, NotIssued, verificationUrl } from '../../../shared/documents';
import { completedCase, inReviewCase, OPTIONS, rejectedCase } from './case-fixture';
import { readPdf } from './pdf-reading';

describe('documentsOf', () => {
  it('gives a completed company-opening case its licence, seal certificate and invoice notice', () => {
    const record = completedCase();
    const uscc =
      record.items.registration?.result && 'uscc' in record.items.registration.result
        ? record.items.registration.result.uscc
        : '';
    expect(
      documentsOf(record, OPTIONS).map(({ id, kind, item, fileName, mediaType }) => ({
        id,
        kind,
        item,
        fileName,
        mediaType,
      })),
    ).toEqual([
      {
        id: 'e-licence',
        kind: 'e-licence',
        item: 'registration',
        fileName: `e-licence-${uscc}.pdf`,
        mediaType: 'application/pdf',
      },
      {
        id: 'invoice-approval-notice',
        kind: 'invoice-approval-notice',
        item: 'invoice',
        fileName: `invoice-approval-notice-${uscc}.pdf`,
        mediaType: 'application/pdf',
      },
      {
        id: 'seal-filing-certificate',
        kind: 'seal-filing-certificate',
        item: 'seal',
        fileName: `seal-filing-certificate-${uscc}.pdf`,
        mediaType: 'application/pdf',
      },
    ]);
  });

  it('renders each document from the case alone', async () => {
    const [licence] = documentsOf(completedCase(), OPTIONS);
    expect(licence?.kind).toBe('e-licence');
    const { text } = await readPdf(await (licence?.render() ?? Promise.reject(new Error('no licence'))));
    expect(text).toContain('广州云启科技有限公司');
  });

  it('renders the documents of a case at once, each with only its own text (they share one parsed font)', async () => {
    const documents = documentsOf(completedCase(), OPTIONS);
    const texts = await Promise.all(
      documents.map(async (document) => (await readPdf(await document.render())).text),
    );
    expect(texts.map((text) => text.includes('营业执照'))).toEqual([true, false, false]);
    expect(texts.map((text) => text.includes('备案编号'))).toEqual([false, false, true]);
    expect(texts.map((text) => text.includes('每月开票总额度'))).toEqual([false, true, false]);
  });

  it('gives nothing to a rejected case, though its registration was approved', () => {
    const record = rejectedCase();
    expect(record.status).toBe('rejected');
    expect(record.items.registration?.status).toBe('approved');
    expect(documentsOf(record, OPTIONS)).toEqual([]);
  });

  it('gives nothing before the case completes', () => {
    const record = inReviewCase();
    expect(record.items.registration?.status).toBe('approved');
    expect(documentsOf(record, OPTIONS)).toEqual([]);
  });

  it('gives no document for an item not approved', () => {
    const record = completedCase();
    const seal = record.items.seal;
    if (!seal) throw new Error('the case runs no seal item');
    record.items.seal = { ...seal, status: 'cancelled' };
    expect(documentsOf(record, OPTIONS).map(({ kind }) => kind)).toEqual([
      'e-licence',
      'invoice-approval-notice',
    ]);
  });

  it('issues nothing new for an item the catalogue has since withdrawn', () => {
    const record = completedCase();
    const seal = record.items.seal;
    if (!seal) throw new Error('the case runs no seal item');
    record.items['withdrawn-permit'] = { ...seal };
    expect(documentsOf(record, OPTIONS).map(({ item }) => item)).toEqual(['registration', 'invoice', 'seal']);
  });

  it('refuses a certificate whose company was never registered', () => {
    const record = completedCase();
    const registration = record.items.registration;
    if (!registration) throw new Error('the case runs no registration');
    record.items.registration = { ...registration, status: 'rejected' };
    expect(() => documentsOf(record, OPTIONS)).toThrow(NotIssued);
  });

  it('refuses an item result that is not what its catalogue schema says', () => {
    const record = completedCase();
    const seal = record.items.seal;
    if (!seal) throw new Error('the case runs no seal item');
    record.items.seal = { ...seal, result: { filingNumber: 'X' } };
    expect(() => documentsOf(record, OPTIONS)).toThrow(/seals/);
  });
});

describe('verificationUrl', () => {
  it('appends /verify/{uscc} to the public base URL, with or without its trailing slash', () => {
    expect(verificationUrl('https://open.example.gov.cn/', '91440111MA5EXAMP00')).toBe(
      'https://open.example.gov.cn/verify/91440111MA5EXAMP00',
    );
    expect(verificationUrl('https://open.example.gov.cn', '91440111MA5EXAMP00')).toBe(
      'https://open.example.gov.cn/verify/91440111MA5EXAMP00',
    );
  });
});
