import { declareUpload, uploadStatus } from '../api/endpoints';
import { sendToStorage } from './send-to-storage';
import type { UploadSteps } from './upload-file';

export const BROWSER_UPLOAD_STEPS: UploadSteps = {
  declare: declareUpload,
  send: sendToStorage,
  status: uploadStatus,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};
