import QRCode from 'qrcode';

/**
 * A QR code as PNG bytes. Level M survives a scuffed printout (15% of the code); four modules of quiet
 * zone are what ISO/IEC 18004 asks for a reader to find the code.
 */
export async function qrPng(text: string): Promise<Uint8Array> {
  return new Uint8Array(
    await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 4 }),
  );
}
