import { inflateSync } from 'node:zlib';
import { MAX_PDF_INFLATED_BYTES } from './limits';

export type PdfPageCount = { pages: number } | { unreadable: 'encrypted' | 'no-page-tree' };

/**
 * Reads how many pages a PDF has from its page tree, the `/Count` of the catalogue's `/Pages` object
 * (ISO 32000-1, 7.7.3), without a PDF library: pdf-lib and pdf.js would weigh on the function that inspects
 * every upload. It follows `/Root` from the last trailer or cross-reference stream, and looks the two objects
 * up as plain objects or inside compressed object streams (7.5.7). It is no general PDF parser: a file it
 * cannot follow is reported unreadable and refused, never accepted unchecked.
 */
export function countPdfPages(bytes: Uint8Array): PdfPageCount {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(text)) return { unreadable: 'encrypted' };
  const objects = new PdfObjects(text);
  const root = lastReference(text, 'Root');
  const catalogue = root && objects.body(root);
  const pagesRef = catalogue && firstReference(catalogue, 'Pages');
  const pages = pagesRef && objects.body(pagesRef);
  const count =
    pages && /\/Type\s*\/Pages\b/.test(pages) ? /\/Count\s+(\d+)\b(?!\s+\d+\s+R)/.exec(pages) : null;
  if (!count?.[1] || Number(count[1]) === 0) return { unreadable: 'no-page-tree' };
  return { pages: Number(count[1]) };
}

interface Reference {
  number: number;
  generation: number;
}

const referenceTo = (key: string) => new RegExp(String.raw`/${key}\s+(\d+)\s+(\d+)\s+R`, 'g');

function toReference(match: RegExpMatchArray): Reference {
  return { number: Number(match[1]), generation: Number(match[2]) };
}

/** The last one wins: an incremental update appends a newer trailer. */
function lastReference(text: string, key: string): Reference | undefined {
  const matches = [...text.matchAll(referenceTo(key))];
  const last = matches.at(-1);
  return last && toReference(last);
}

function firstReference(body: string, key: string): Reference | undefined {
  const match = referenceTo(key).exec(body);
  return match ? toReference(match) : undefined;
}

class PdfObjects {
  private compressed: Map<number, string> | undefined;

  constructor(private readonly text: string) {}

  body(reference: Reference): string | undefined {
    return this.plain(reference) ?? this.inObjectStreams(reference.number);
  }

  private plain({ number, generation }: Reference): string | undefined {
    const header = new RegExp(String.raw`(?<![0-9])${number}\s+${generation}\s+obj\b`, 'g');
    const last = [...this.text.matchAll(header)].at(-1);
    if (last?.index === undefined) return undefined;
    const start = last.index + last[0].length;
    const end = this.text.indexOf('endobj', start);
    return this.text.slice(start, end === -1 ? undefined : end);
  }

  private inObjectStreams(number: number): string | undefined {
    this.compressed ??= decodeObjectStreams(this.text);
    return this.compressed.get(number);
  }
}

/** Every object held in a FlateDecode object stream, by number (their generation is always 0). */
function decodeObjectStreams(text: string): Map<number, string> {
  const objects = new Map<number, string>();
  let budget = MAX_PDF_INFLATED_BYTES;
  for (const match of text.matchAll(/\/Type\s*\/ObjStm\b/g)) {
    const dictionaryStart = text.lastIndexOf('obj', match.index);
    const streamKeyword = text.indexOf('stream', match.index);
    if (dictionaryStart === -1 || streamKeyword === -1) continue;
    const dictionary = text.slice(dictionaryStart, streamKeyword);
    const decoded = inflateStream(text, dictionary, streamKeyword, budget);
    if (decoded === undefined) continue;
    budget -= decoded.length;
    for (const [number, body] of objectsOf(dictionary, decoded)) objects.set(number, body);
  }
  return objects;
}

function inflateStream(
  text: string,
  dictionary: string,
  streamKeyword: number,
  budget: number,
): string | undefined {
  if (!/\/Filter\s*(?:\[\s*)?\/FlateDecode\s*\]?/.test(dictionary) || budget <= 0) return undefined;
  const eol = /^stream\r?\n/.exec(text.slice(streamKeyword, streamKeyword + 8));
  if (!eol) return undefined;
  const start = streamKeyword + eol[0].length;
  const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dictionary);
  const end = length ? start + Number(length[1]) : text.indexOf('endstream', start);
  if (end < start) return undefined;
  try {
    const data = Buffer.from(text.slice(start, end), 'latin1');
    return inflateSync(data, { maxOutputLength: budget }).toString('latin1');
  } catch {
    return undefined;
  }
}

/** An object stream starts with `/N` pairs "number offset"; offsets count from `/First`. */
function objectsOf(dictionary: string, decoded: string): [number, string][] {
  const count = Number(/\/N\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
  const first = Number(/\/First\s+(\d+)/.exec(dictionary)?.[1] ?? -1);
  if (count === 0 || first < 0) return [];
  const header = decoded.slice(0, first).trim().split(/\s+/).map(Number);
  const entries: [number, string][] = [];
  for (let index = 0; index < count; index++) {
    const number = header[2 * index];
    const offset = header[2 * index + 1];
    if (number === undefined || offset === undefined) break;
    const next = header[2 * index + 3];
    entries.push([number, decoded.slice(first + offset, next === undefined ? undefined : first + next)]);
  }
  return entries;
}
