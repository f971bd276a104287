import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FONT_FILES, loadDocumentFont } from '../../../shared/documents';
import { fontPath } from '../../../shared/documents/fonts';
import { sfntOfWoff } from '../../../shared/documents/woff';

const REPO = join(import.meta.dirname, '../../..');
const LATIN_WOFF = 'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff';

describe('the documents font', () => {
  it('is listed by a path from the repository root, which the bundling copies', () => {
    for (const file of DOCUMENT_FONT_FILES)
      expect(readFileSync(join(REPO, file)).subarray(0, 4).toString()).toBe('wOFF');
  });

  it('draws every printable ASCII character and the Chinese of the documents', async () => {
    const font = await loadDocumentFont();
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));
    expect(ascii.filter((character) => !font.covers(character))).toEqual([]);
    expect(
      [...'营业执照统一社会信用代码（）：；。备案税务局'].filter((character) => !font.covers(character)),
    ).toEqual([]);
    expect(font.covers('𠀀')).toBe(false);
  });

  it('is read from fonts/ beside the running module when the bundle has it, else from node_modules', () => {
    const file = DOCUMENT_FONT_FILES[0];
    const moduleDirectory = mkdtempSync(join(tmpdir(), 'documents-bundle-'));
    try {
      expect(realpathSync(fontPath(file, moduleDirectory))).toBe(realpathSync(join(REPO, file)));
      mkdirSync(join(moduleDirectory, 'fonts'));
      copyFileSync(join(REPO, file), join(moduleDirectory, 'fonts', basename(file)));
      expect(fontPath(file, moduleDirectory)).toBe(join(moduleDirectory, 'fonts', basename(file)));
    } finally {
      rmSync(moduleDirectory, { recursive: true, force: true });
    }
  });

  it('is loaded once per process', async () => {
    expect(await loadDocumentFont()).toBe(await loadDocumentFont());
  });

  it('measures text from the glyph advances, as pdf-lib lays it out', async () => {
    const font = await loadDocumentFont();
    const text = '广州云启科技有限公司 ABC 123';
    const laidOut = font.parsed.layout(text).advanceWidth / font.parsed.unitsPerEm;
    expect(font.width(text, 10)).toBeCloseTo(laidOut * 10, 1);
  });
});

describe('sfntOfWoff', () => {
  it('gives the same font fontkit reads from the WOFF', () => {
    const woff = new Uint8Array(readFileSync(join(REPO, LATIN_WOFF)));
    const fromWoff = fontkit.create(woff);
    const fromSfnt = fontkit.create(sfntOfWoff(woff));
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.postscriptName).toBe(fromWoff.postscriptName);
    expect(fromSfnt.layout('Verify 91440111').advanceWidth).toBe(
      fromWoff.layout('Verify 91440111').advanceWidth,
    );
  });

  it('refuses what is not a WOFF 1.0 file', () => {
    expect(() => sfntOfWoff(new TextEncoder().encode('OTTO and more bytes than a header'))).toThrow(/WOFF/);
  });
});
