import { describe, expect, it } from 'vitest';
import { renderInvoiceApprovalNotice, renderSealFilingCertificate } from '../../../shared/documents';
import { invoiceApprovalData, sealFilingData } from '../../../shared/documents/case-data';
import { completedCase, OPTIONS } from './case-fixture';
import { readPdf } from './pdf-reading';

const RECORD = completedCase();

describe('the seal filing certificate', () => {
  const data = sealFilingData(RECORD, OPTIONS);

  it('lists every seal filed with its filing number, for the company, by the district bureau', async () => {
    const { pages, text } = await readPdf(await renderSealFilingCertificate(data));
    expect(pages).toBe(1);
    expect(data.seals.map(({ name }) => name)).toEqual(['公章', '财务专用章', '发票专用章']);
    for (const seal of data.seals)
      expect(text).toContain(`${seal.name}Filing number备案编号 ${seal.filingNumber}`);
    for (const expected of [
      '印章刻制备案证明',
      '广州云启科技有限公司',
      data.uscc,
      '广州示例刻章有限公司',
      '广州市公安局白云区分局',
      '2026年12月02日',
    ])
      expect(text).toContain(expected);
  });
});

describe('the invoice approval notice', () => {
  const data = invoiceApprovalData(RECORD, OPTIONS);

  it('states the invoices approved and the monthly quota, for the taxpayer, by the district tax office', async () => {
    const { pages, text } = await readPdf(await renderInvoiceApprovalNotice(data));
    expect(pages).toBe(1);
    for (const expected of [
      '发票领用（票种核定）通知',
      '广州云启科技有限公司',
      data.uscc,
      '小规模纳税人',
      '数电发票（普通发票）',
      '人民币10万元',
      '国家税务总局广州市白云区税务局',
      '2026年12月02日',
    ])
      expect(text).toContain(expected);
  });

  it('names each kind approved, and a quota not in whole 万 in yuan', async () => {
    const { text } = await readPdf(
      await renderInvoiceApprovalNotice({
        ...data,
        invoiceKinds: ['数电发票（普通发票）', '数电发票（增值税专用发票）'],
        monthlyQuotaCny: 12_345,
      }),
    );
    expect(text).toContain('数电发票（普通发票）；数电发票（增值税专用发票）');
    expect(text).toContain('人民币12345元');
  });
});
