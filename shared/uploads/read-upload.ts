import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

export type UploadSource = () => AsyncIterable<Uint8Array> | Readable;

export type ReadUpload =
  | { complete: true; sha256: string; bytes: Uint8Array }
  | { complete: false; readBytes: number };

/**
 * Reads the file once, hashing it as it goes and keeping every byte (the checks of a PDF read all of it).
 * Stops as soon as it exceeds `atMost` bytes: the file is refused for its size then, and reading on would let
 * a sender make the platform read without end.
 */
export async function readUpload(read: UploadSource, atMost: number): Promise<ReadUpload> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of read()) {
    size += chunk.byteLength;
    if (size > atMost) return { complete: false, readBytes: size };
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { complete: true, sha256: hash.digest('hex'), bytes: Buffer.concat(chunks, size) };
}
