import type { Names } from '../catalogue/names';
import { A4, type DocumentCanvas, MARGIN, MUTED } from './document-pdf';

const LABEL_SIZE = 11;
const LABEL_EN_SIZE = 7;
export const VALUE_SIZE = 11;
export const LINE_HEIGHT = VALUE_SIZE + 6;
const VALUE_X = MARGIN + 120;
export const VALUE_WIDTH = A4.width - MARGIN - VALUE_X;

/** Punctuation Chinese typesetting never starts a line with (行首禁则): it stays at the end of the line before. */
const NO_LINE_START = new Set('、，。；：！？）》」』】〕…,.;:!?)');

/**
 * Breaks text into lines no wider than `maxWidth`, but for closing punctuation hanging past it. Chinese has
 * no spaces to break at, and a line may break between any two characters; a Latin word, number or URL is
 * kept whole, on a line of its own if it is wider than one.
 */
export function wrapText(canvas: DocumentCanvas, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[A-Za-z0-9.,:/@_-]+|./gu) ?? []) {
    const overflows = line !== '' && canvas.width(line + token, size) > maxWidth;
    if (overflows && !NO_LINE_START.has(token)) {
      lines.push(line);
      line = token.trimStart();
    } else line += token;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function centred(canvas: DocumentCanvas, text: string, y: number, size: number): void {
  canvas.text(text, (A4.width - canvas.width(text, size)) / 2, y, size);
}

/** A row of value lines already wrapped: the label in Chinese with its English beneath; gives the next row's y. */
export function fieldLines(
  canvas: DocumentCanvas,
  label: Names,
  lines: readonly string[],
  y: number,
): number {
  canvas.text(label.zh, MARGIN, y, LABEL_SIZE);
  canvas.text(label.en, MARGIN, y - LABEL_EN_SIZE - 3, LABEL_EN_SIZE, MUTED);
  lines.forEach((line, index) => {
    canvas.text(line, VALUE_X, y - index * LINE_HEIGHT, VALUE_SIZE);
  });
  return y - Math.max(lines.length * LINE_HEIGHT, LABEL_SIZE + LABEL_EN_SIZE + 6) - 10;
}

/** A row: the label, and the value beside it wrapped. */
export const field = (canvas: DocumentCanvas, label: Names, value: string, y: number): number =>
  fieldLines(canvas, label, wrapText(canvas, value, VALUE_SIZE, VALUE_WIDTH), y);
