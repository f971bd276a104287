import type { LocalDate } from '../calendar/local-date';
import { A4, type DocumentCanvas, MARGIN, MUTED, newDocument, saved } from './document-pdf';
import { centred, field, fieldLines, LINE_HEIGHT, VALUE_SIZE, VALUE_WIDTH, wrapText } from './layout';
import { qrPng } from './qr-code';
import { chineseDate, yuanAmount } from './wording';

/**
 * What the licence shows: the items 公司法 第三十三条 names (名称、住所、注册资本、经营范围、法定代表人), the
 * type and the code a company is registered with (市场主体登记管理条例 第八条), the date of establishment,
 * which is the date of issue (条例 第二十一条), and the authority that issued it.
 */
export interface ELicenceData {
  companyName: string;
  uscc: string;
  companyType: string;
  legalRepresentative: string;
  registeredCapitalCny: number;
  establishedOn: LocalDate;
  address: string;
  /** 一般项目 and 许可项目, each as worded in the form. */
  businessScope: { general: string[]; licensed: string[] };
  issuedBy: string;
  verificationUrl: string;
  issuedAt: Date;
}

const QR_SIZE = 96;
const SIGNATURE_Y = MARGIN + 90;
const SCOPE_LABEL = { zh: '经营范围', en: 'Business scope' };
const SCOPE_CONTINUED_LABEL = { zh: '经营范围（续）', en: 'Business scope, continued' };
const CONTINUED = '（续见下页 continued overleaf）';

function scopeText(scope: ELicenceData['businessScope']): string {
  return [
    scope.general.length > 0 ? `一般项目：${scope.general.join('；')}。` : '',
    scope.licensed.length > 0 ? `许可项目：${scope.licensed.join('；')}。` : '',
  ].join('');
}

export async function renderELicence(data: ELicenceData): Promise<Uint8Array> {
  const canvas = await newDocument({
    title: `营业执照 ${data.companyName}`,
    subject: `电子营业执照 Electronic business licence ${data.uscc}`,
    fingerprint: data,
    issuedAt: data.issuedAt,
  });
  const top = A4.height - MARGIN;
  const qr = await canvas.doc.embedPng(await qrPng(data.verificationUrl));
  canvas.page.drawImage(qr, {
    x: A4.width - MARGIN - QR_SIZE,
    y: top - QR_SIZE,
    width: QR_SIZE,
    height: QR_SIZE,
  });
  canvas.text('扫码核验 Scan to verify', A4.width - MARGIN - QR_SIZE, top - QR_SIZE - 12, 7, MUTED);
  canvas.text(`统一社会信用代码 ${data.uscc}`, MARGIN, top - 10, 11);
  canvas.text('Unified social credit code', MARGIN, top - 22, 7, MUTED);
  centred(canvas, '营业执照', top - 90, 34);
  centred(canvas, '（电子营业执照 Electronic business licence）', top - 112, 10);

  let y = top - 170;
  y = field(canvas, { zh: '名称', en: 'Name' }, data.companyName, y);
  y = field(canvas, { zh: '类型', en: 'Type' }, data.companyType, y);
  y = field(canvas, { zh: '法定代表人', en: 'Legal representative' }, data.legalRepresentative, y);
  y = field(canvas, { zh: '注册资本', en: 'Registered capital' }, yuanAmount(data.registeredCapitalCny), y);
  y = field(canvas, { zh: '成立日期', en: 'Established on' }, chineseDate(data.establishedOn), y);
  y = field(canvas, { zh: '住所', en: 'Address' }, data.address, y);
  const scope = wrapText(canvas, scopeText(data.businessScope), VALUE_SIZE, VALUE_WIDTH);
  const fits = Math.floor((y - SIGNATURE_Y - 30) / LINE_HEIGHT);
  const first = scope.length > fits ? [...scope.slice(0, fits - 1), CONTINUED] : scope;
  signature(canvas, data);
  fieldLines(canvas, SCOPE_LABEL, first, y);
  if (scope.length > fits) continuation(canvas, scope.slice(fits - 1));
  return saved(canvas);
}

/** What does not fit on the licence goes on as many pages as it needs. */
function continuation(canvas: DocumentCanvas, lines: readonly string[]): void {
  const perPage = Math.floor((A4.height - 2 * MARGIN - 40) / LINE_HEIGHT);
  for (let start = 0; start < lines.length; start += perPage) {
    canvas.addPage();
    fieldLines(canvas, SCOPE_CONTINUED_LABEL, lines.slice(start, start + perPage), A4.height - MARGIN - 20);
  }
}

function signature(canvas: DocumentCanvas, data: ELicenceData): void {
  canvas.text(`登记机关 ${data.issuedBy}`, A4.width / 2, SIGNATURE_Y, 11);
  canvas.text('Registration authority', A4.width / 2, SIGNATURE_Y - 12, 7, MUTED);
  canvas.text(chineseDate(data.establishedOn), A4.width / 2, SIGNATURE_Y - 30, 11);
  wrapText(canvas, `核验 Verify: ${data.verificationUrl}`, 8, A4.width - 2 * MARGIN).forEach(
    (line, index) => {
      canvas.text(line, MARGIN, MARGIN - index * 11, 8, MUTED);
    },
  );
}
