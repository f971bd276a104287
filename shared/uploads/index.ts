export { type UploadDeclaration, uploadDeclarationSchema } from './declaration';
export {
  EXTENSIONS_BY_MEDIA_TYPE,
  MAX_UPLOAD_BYTES,
  UPLOAD_MEDIA_TYPES,
  type UploadMediaType,
} from './declared-file';
export { type InspectionVerdict, inspectUpload } from './inspect-upload';
export { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_PDF_PAGES } from './limits';
export type { RejectionCode } from './rejections';
