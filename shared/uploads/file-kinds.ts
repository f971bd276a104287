import type { UploadMediaType } from './declared-file';

export interface Words {
  en: string;
  zh: string;
}

/** How a founder reads the accepted types. */
export const MEDIA_TYPE_NAMES: Record<UploadMediaType, Words> = {
  'application/pdf': { en: 'a PDF document', zh: 'PDF文档' },
  'image/jpeg': { en: 'a JPEG image', zh: 'JPEG图片' },
  'image/png': { en: 'a PNG image', zh: 'PNG图片' },
};

/** What file-type found, in words, for the kinds people most often send by mistake (or on purpose). */
const KINDS_BY_EXTENSION: Record<string, Words> = {
  exe: { en: 'a Windows executable (.exe)', zh: 'Windows可执行文件（.exe）' },
  elf: { en: 'a Linux executable (ELF)', zh: 'Linux可执行文件（ELF）' },
  macho: { en: 'a macOS executable (Mach-O)', zh: 'macOS可执行文件（Mach-O）' },
  zip: { en: 'a ZIP archive (.zip)', zh: 'ZIP压缩包（.zip）' },
  rar: { en: 'a RAR archive (.rar)', zh: 'RAR压缩包（.rar）' },
  '7z': { en: 'a 7-Zip archive (.7z)', zh: '7-Zip压缩包（.7z）' },
  gz: { en: 'a gzip archive (.gz)', zh: 'gzip压缩包（.gz）' },
  docx: { en: 'a Word document (.docx)', zh: 'Word文档（.docx）' },
  xlsx: { en: 'an Excel workbook (.xlsx)', zh: 'Excel工作簿（.xlsx）' },
  pptx: { en: 'a PowerPoint presentation (.pptx)', zh: 'PowerPoint演示文稿（.pptx）' },
  cfb: { en: 'an old Office document (.doc, .xls or .ppt)', zh: '旧版Office文档（.doc、.xls或.ppt）' },
  gif: { en: 'a GIF image (.gif)', zh: 'GIF图片（.gif）' },
  webp: { en: 'a WebP image (.webp)', zh: 'WebP图片（.webp）' },
  heic: { en: 'a HEIC photo (.heic)', zh: 'HEIC照片（.heic）' },
  tif: { en: 'a TIFF image (.tif)', zh: 'TIFF图片（.tif）' },
  bmp: { en: 'a BMP image (.bmp)', zh: 'BMP图片（.bmp）' },
};

export function describeKind(found: { ext: string; mime: string }): Words {
  return (
    KINDS_BY_EXTENSION[found.ext] ?? {
      en: `a .${found.ext} file (${found.mime})`,
      zh: `.${found.ext}文件（${found.mime}）`,
    }
  );
}
