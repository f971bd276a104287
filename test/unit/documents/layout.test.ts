import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../shared/documents/document-pdf';
import { wrapText } from '../../../shared/documents/layout';

const canvas = await newDocument({ title: 't', subject: 's', fingerprint: 0, issuedAt: new Date(0) });

describe('wrapText', () => {
  it('breaks Chinese between characters, each line within the width', () => {
    const text = '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'.repeat(3);
    const lines = wrapText(canvas, text, 11, 100);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('')).toBe(text);
    for (const line of lines.slice(0, -1)) expect(canvas.width(line, 11)).toBeLessThanOrEqual(100 + 11);
  });

  it('never starts a line with closing punctuation: it hangs at the end of the line before', () => {
    const width = canvas.width('一般项目：软件开发', 11);
    const lines = wrapText(canvas, '一般项目：软件开发；信息技术咨询服务。', 11, width);
    expect(lines[0]).toBe('一般项目：软件开发；');
    for (const line of lines) expect('、，。；：）').not.toContain(line[0]);
  });

  it('keeps a Latin word or number whole', () => {
    const lines = wrapText(canvas, '核验 https://open.example.gov.cn/verify/91440111MA5EXAMP00', 8, 120);
    expect(lines).toContain('https://open.example.gov.cn/verify/91440111MA5EXAMP00');
  });
});
