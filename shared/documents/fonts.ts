import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { DOCUMENT_FONT_FILES } from './font-files';
import { sfntOfWoff } from './woff';

const PACKAGE_PATH_PREFIX = 'node_modules/';

export interface DocumentFont {
  bytes: Uint8Array;
  /**
   * The font parsed once. pdf-lib would parse the bytes again for every document, and the first layout
   * and subset of a parse cost seconds on this 1.5 MB font; parsed once, a warm process pays that once.
   */
  parsed: Font;
  /** Whether the font has a glyph for the character: a character without one would print as a box. */
  covers(character: string): boolean;
  /** The text's width at `size` points, from each glyph's advance: CJK text has no kerning to apply. */
  width(text: string, size: number): number;
}

const MODULE_DIRECTORY = dirname(fileURLToPath(import.meta.url));

/** Beside the running module in a bundle (`fonts/`), else in node_modules. */
export function fontPath(file: string, moduleDirectory = MODULE_DIRECTORY): string {
  const bundled = join(moduleDirectory, 'fonts', basename(file));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve(file.slice(PACKAGE_PATH_PREFIX.length));
}

async function loadFont(file: string): Promise<DocumentFont> {
  const bytes = sfntOfWoff(new Uint8Array(await readFile(fontPath(file))));
  const parsed = fontkit.create(bytes);
  const advances = new Map<string, number>();
  const advanceOf = (character: string) => {
    let advance = advances.get(character);
    if (advance === undefined) {
      advance = parsed.glyphForCodePoint(character.codePointAt(0) ?? 0).advanceWidth / parsed.unitsPerEm;
      advances.set(character, advance);
    }
    return advance;
  };
  return {
    bytes,
    parsed,
    covers: (character) => parsed.hasGlyphForCodePoint(character.codePointAt(0) ?? 0),
    width: (text, size) => [...text].reduce((sum, character) => sum + advanceOf(character), 0) * size,
  };
}

let loading: Promise<DocumentFont> | undefined;

/** The documents' font, read once per process: a warm Lambda renders without reading the file again. */
export function loadDocumentFont(): Promise<DocumentFont> {
  loading ??= loadFont(DOCUMENT_FONT_FILES[0]).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
