import { statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_FONT_FILES,
  type ELicenceData,
  MissingGlyphs,
  renderELicence,
} from '../../../shared/documents';
import { eLicenceData } from '../../../shared/documents/case-data';
import { completedCase, ISSUED_AT, OPTIONS, PUBLIC_BASE_URL } from './case-fixture';
import { qrTextOf, readPdf } from './pdf-reading';

const REPO = join(import.meta.dirname, '../../..');
const DATA: ELicenceData = eLicenceData(completedCase(), OPTIONS);
const RENDERED = renderELicence(DATA);

describe('the electronic business licence', () => {
  it('is one A4 page', async () => {
    const pdf = await readPdf(await RENDERED);
    expect(pdf.pages).toBe(1);
    expect(pdf.size[0]).toBeCloseTo(595.28, 1);
    expect(pdf.size[1]).toBeCloseTo(841.89, 1);
  });

  it('holds the licence fields as text a reader extracts (the font maps its glyphs back to Unicode)', async () => {
    const { text } = await readPdf(await RENDERED);
    expect(DATA.uscc).toMatch(/^91440111[0-9A-HJ-NPQRTUWXY]{10}$/);
    for (const expected of [
      '营业执照',
      DATA.uscc,
      '广州云启科技有限公司',
      '有限责任公司',
      '张三',
      '人民币100万元',
      '2026年12月02日',
      '广州市白云区京溪街道示例路18号A栋301房',
      '一般项目：软件开发；信息技术咨询服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。',
      '广州市白云区市场监督管理局',
    ])
      expect(text).toContain(expected);
  });

  it('carries a QR code that decodes to the public verification URL', async () => {
    expect(await qrTextOf(await RENDERED)).toBe(`${PUBLIC_BASE_URL}/verify/${DATA.uscc}`);
  });

  it('embeds only the glyphs it uses: far smaller than the font', async () => {
    const fontBytes = statSync(join(REPO, DOCUMENT_FONT_FILES[0])).size;
    expect(fontBytes).toBeGreaterThan(1_400_000);
    expect((await RENDERED).length).toBeLessThan(100_000);
  });

  it('says what it is and when it was issued, and renders the same bytes for the same case', async () => {
    const doc = await PDFDocument.load(await RENDERED, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`营业执照 ${DATA.companyName}`);
    expect(doc.getSubject()).toContain(DATA.uscc);
    expect(doc.getCreationDate()).toEqual(ISSUED_AT);
    expect(doc.getModificationDate()).toEqual(ISSUED_AT);
    expect(Buffer.from(await renderELicence(DATA)).equals(Buffer.from(await RENDERED))).toBe(true);
    const other = await renderELicence({ ...DATA, issuedAt: new Date('2026-12-03T00:00:00Z') });
    expect(Buffer.from(other).equals(Buffer.from(await RENDERED))).toBe(false);
  });

  it('wraps a long business scope over lines and keeps every item', async () => {
    const general = Array.from({ length: 30 }, (_, index) => `第${index + 1}项技术服务`);
    const { text } = await readPdf(
      await renderELicence({ ...DATA, businessScope: { general, licensed: ['餐饮服务'] } }),
    );
    expect(text).toContain(`一般项目：${general.join('；')}。许可项目：餐饮服务。`);
  });

  it('goes on to further pages when the widest scope the form allows does not fit', async () => {
    const general = Array.from({ length: 50 }, (_, index) => `${index + 1}号${'技术服务'.repeat(24)}`);
    const bytes = await renderELicence({ ...DATA, businessScope: { general, licensed: [] } });
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBeGreaterThan(1);
    const scope = text
      .replaceAll('（续见下页 continued overleaf）', '')
      .replaceAll('经营范围（续）Business scope, continued', '');
    expect(scope).toContain(`一般项目：${general.join('；')}。`);
    expect(await qrTextOf(bytes)).toBe(DATA.verificationUrl);
  });

  it('refuses a character the font cannot draw rather than printing a box', async () => {
    await expect(renderELicence({ ...DATA, companyName: '广州𠀀科技有限公司' })).rejects.toThrow(
      MissingGlyphs,
    );
  });
});
