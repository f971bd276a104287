import type { LocalDate } from '../calendar/local-date';
import { A4, MARGIN, MUTED, newDocument, saved } from './document-pdf';
import { centred, field } from './layout';
import { chineseDate } from './wording';

/** The seals public security has filed for a company: each seal's name and filing number. */
export interface SealFilingData {
  companyName: string;
  uscc: string;
  seals: { name: string; filingNumber: string }[];
  maker: string;
  bureau: string;
  filedOn: LocalDate;
  issuedAt: Date;
}

export async function renderSealFilingCertificate(data: SealFilingData): Promise<Uint8Array> {
  const canvas = await newDocument({
    title: `印章刻制备案证明 ${data.companyName}`,
    subject: `Seal filing certificate ${data.uscc}`,
    fingerprint: data,
    issuedAt: data.issuedAt,
  });
  const top = A4.height - MARGIN;
  centred(canvas, '印章刻制备案证明', top - 40, 24);
  centred(canvas, 'Seal filing certificate', top - 60, 10);

  let y = top - 110;
  y = field(canvas, { zh: '用章单位', en: 'Company' }, data.companyName, y);
  y = field(canvas, { zh: '统一社会信用代码', en: 'Unified social credit code' }, data.uscc, y);
  y = field(canvas, { zh: '刻制单位', en: 'Seal maker' }, data.maker, y);
  for (const seal of data.seals)
    y = field(canvas, { zh: seal.name, en: 'Filing number' }, `备案编号 ${seal.filingNumber}`, y);

  const signatureY = MARGIN + 70;
  canvas.text(`备案机关 ${data.bureau}`, A4.width / 2, signatureY, 11);
  canvas.text('Filed with', A4.width / 2, signatureY - 12, 7, MUTED);
  canvas.text(chineseDate(data.filedOn), A4.width / 2, signatureY - 30, 11);
  return saved(canvas);
}
