import type { LocalDate } from '../calendar/local-date';
import { A4, MARGIN, MUTED, newDocument, saved } from './document-pdf';
import { centred, field } from './layout';
import { chineseDate, yuanAmount } from './wording';

/**
 * What the tax office confirmed (发票管理办法 第十五条: the kinds and quantity of invoices). Digital
 * invoices (数电票) are not counted in sheets: their quantity is the total amount a month may invoice.
 */
export interface InvoiceApprovalData {
  companyName: string;
  uscc: string;
  taxpayerType: string;
  invoiceKinds: string[];
  monthlyQuotaCny: number;
  taxOffice: string;
  approvedOn: LocalDate;
  issuedAt: Date;
}

export async function renderInvoiceApprovalNotice(data: InvoiceApprovalData): Promise<Uint8Array> {
  const canvas = await newDocument({
    title: `发票领用（票种核定）通知 ${data.companyName}`,
    subject: `Notice of the invoices approved ${data.uscc}`,
    fingerprint: data,
    issuedAt: data.issuedAt,
  });
  const top = A4.height - MARGIN;
  centred(canvas, '发票领用（票种核定）通知', top - 40, 22);
  centred(canvas, 'Notice of the invoices approved', top - 60, 10);

  let y = top - 110;
  y = field(canvas, { zh: '纳税人名称', en: 'Taxpayer' }, data.companyName, y);
  y = field(canvas, { zh: '纳税人识别号', en: 'Taxpayer ID (USCC)' }, data.uscc, y);
  y = field(canvas, { zh: '纳税人类型', en: 'Taxpayer type' }, data.taxpayerType, y);
  y = field(canvas, { zh: '核定发票种类', en: 'Invoice kinds' }, data.invoiceKinds.join('；'), y);
  field(canvas, { zh: '每月开票总额度', en: 'Monthly invoicing quota' }, yuanAmount(data.monthlyQuotaCny), y);

  const signatureY = MARGIN + 70;
  canvas.text(`主管税务机关 ${data.taxOffice}`, A4.width / 2 - 40, signatureY, 11);
  canvas.text('Tax office', A4.width / 2 - 40, signatureY - 12, 7, MUTED);
  canvas.text(chineseDate(data.approvedOn), A4.width / 2 - 40, signatureY - 30, 11);
  return saved(canvas);
}
