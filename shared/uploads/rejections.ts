import { MAX_UPLOAD_BYTES, type UploadMediaType } from './declared-file';
import { MEDIA_TYPE_NAMES, type Words } from './file-kinds';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_PDF_PAGES } from './limits';

export type RejectionCode =
  | 'too-large'
  | 'size-mismatch'
  | 'sha256-mismatch'
  | 'type-not-accepted'
  | 'type-mismatch'
  | 'pdf-unreadable'
  | 'pdf-encrypted'
  | 'too-many-pages'
  | 'image-unreadable'
  | 'too-many-pixels'
  | 'image-side-too-long';

export interface Rejection {
  verdict: 'rejected';
  code: RejectionCode;
  reason: Words;
}

const rejection = (code: RejectionCode, en: string, zh: string): Rejection => ({
  verdict: 'rejected',
  code,
  reason: { en, zh },
});

const count = (value: number) => value.toLocaleString('en-US');

export const tooLarge = () =>
  rejection(
    'too-large',
    'The file is larger than 20 MiB',
    `文件超过20 MiB（${count(MAX_UPLOAD_BYTES)}字节）`,
  );

export const sizeMismatch = (declared: number, received: number, complete: boolean) =>
  rejection(
    'size-mismatch',
    `The file received has ${complete ? '' : 'more than '}${count(received)} bytes, not the ${count(declared)} declared: upload it again`,
    `收到的文件为${count(received)}字节${complete ? '' : '以上'}，与申报的${count(declared)}字节不符：请重新上传`,
  );

export const sha256Mismatch = () =>
  rejection(
    'sha256-mismatch',
    'The file received is not the file declared (its SHA-256 differs): upload it again',
    '收到的文件与申报的文件不一致（SHA-256不同）：请重新上传',
  );

export const typeNotAccepted = (found: Words | undefined) =>
  found
    ? rejection(
        'type-not-accepted',
        `The file is not a PDF, JPEG or PNG: it is ${found.en}`,
        `文件不是PDF、JPEG或PNG：实为${found.zh}`,
      )
    : rejection(
        'type-not-accepted',
        'The file is not a PDF, JPEG or PNG: its type could not be recognised',
        '文件不是PDF、JPEG或PNG：无法识别其类型',
      );

export const typeMismatch = (declared: UploadMediaType, found: UploadMediaType) =>
  rejection(
    'type-mismatch',
    `The file was declared as ${MEDIA_TYPE_NAMES[declared].en} but is ${MEDIA_TYPE_NAMES[found].en}: rename it or choose the right file`,
    `文件申报为${MEDIA_TYPE_NAMES[declared].zh}，实为${MEDIA_TYPE_NAMES[found].zh}：请更正文件名或选择正确的文件`,
  );

export const pdfUnreadable = () =>
  rejection(
    'pdf-unreadable',
    'The PDF could not be read (its page tree was not found): save or print it to PDF again',
    '无法读取该PDF（未找到页面结构）：请重新保存或打印为PDF',
  );

export const pdfEncrypted = () =>
  rejection(
    'pdf-encrypted',
    'The PDF is password-protected or encrypted: the departments could not open it; upload a copy without protection',
    'PDF设有密码或已加密，各部门无法打开：请上传未加密的副本',
  );

export const tooManyPages = (pages: number) =>
  rejection(
    'too-many-pages',
    `The PDF has ${count(pages)} pages; at most ${MAX_PDF_PAGES} are accepted: split it into several files`,
    `PDF共${count(pages)}页，最多接受${MAX_PDF_PAGES}页：请拆分为多个文件`,
  );

export const imageUnreadable = () =>
  rejection(
    'image-unreadable',
    'The image could not be read (its dimensions were not found): save it again as JPEG or PNG',
    '无法读取该图片（未找到尺寸信息）：请重新保存为JPEG或PNG',
  );

export const tooManyPixels = (width: number, height: number) =>
  rejection(
    'too-many-pixels',
    `The image is ${count(width)} × ${count(height)} pixels; at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are accepted: scan it at a lower resolution`,
    `图片为${count(width)}×${count(height)}像素，最多接受${MAX_IMAGE_PIXELS / 10_000}万像素：请降低扫描分辨率`,
  );

export const imageSideTooLong = (width: number, height: number) =>
  rejection(
    'image-side-too-long',
    `The image is ${count(width)} × ${count(height)} pixels; a side may be at most ${count(MAX_IMAGE_SIDE)} pixels`,
    `图片为${count(width)}×${count(height)}像素，单边最多${count(MAX_IMAGE_SIDE)}像素`,
  );
