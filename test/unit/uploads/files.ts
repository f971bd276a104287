import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { UploadDeclaration } from '../../../shared/uploads';

/** Real files for the inspection tests, made in the test rather than kept in the repository. */

export async function pdf(pages: number, useObjectStreams: boolean): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) document.addPage([595, 842]).drawText(`Page ${page + 1}`);
  return document.save({ useObjectStreams });
}

export function png(width: number, height: number): Uint8Array {
  return PNG.sync.write(new PNG({ width, height }));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG signature and IHDR claiming any size, then junk: enough to be recognised and measured, never decoded. */
export function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.alloc(64, 7))]);
}

const segment = (marker: number, data: number[] | Buffer) => {
  const body = Buffer.from(data);
  return Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
};

/**
 * A baseline greyscale JFIF: one 8×8 block, quantisation all ones, one Huffman code per table (DC difference 0,
 * then end of block), so its scan is the two bits "00". `width`/`height` go in its SOF; `commentBytes` of COM
 * segments before the SOF put it further in, as large EXIF data does in a camera's photo.
 */
export function jpeg(width = 8, height = 8, commentBytes = 0): Uint8Array {
  const comments: Buffer[] = [];
  for (let left = commentBytes; left > 0; left -= 60_000)
    comments.push(segment(0xfe, Buffer.alloc(Math.min(left, 60_000), 0x20)));
  const huffman = (tableClass: number) => [tableClass << 4, 1, ...Array(15).fill(0), 0];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...comments,
    segment(0xdb, [0, ...Array(64).fill(1)]),
    segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    segment(0xc4, huffman(0)),
    segment(0xc4, huffman(1)),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.from([0x3f, 0xff, 0xd9]),
  ]);
}

/** The first bytes of a Linux ELF executable, then padding. */
export function elf(): Uint8Array {
  const header = Buffer.alloc(4096);
  header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  header.writeUInt16LE(2, 16);
  header.writeUInt16LE(0x3e, 18);
  return header;
}

/** A Windows PE: "MZ", the offset of the "PE\0\0" signature at 0x3c, then the signature. */
export function windowsExecutable(): Uint8Array {
  const file = Buffer.alloc(4096);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('PE\0\0', 0x80, 'latin1');
  file.writeUInt16LE(0x14c, 0x84);
  return file;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function declare(
  bytes: Uint8Array,
  mediaType: UploadDeclaration['mediaType'],
  fileName = { 'application/pdf': 'file.pdf', 'image/png': 'file.png', 'image/jpeg': 'file.jpg' }[mediaType],
): UploadDeclaration {
  return { fileName, mediaType, sizeBytes: bytes.byteLength, sha256: sha256(bytes) };
}

/** The file as a stream of small chunks, the way S3 hands it over. */
export function chunks(bytes: Uint8Array, size = 64 * 1024): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let offset = 0; offset < bytes.byteLength; offset += size)
      yield bytes.subarray(offset, offset + size);
  };
}
