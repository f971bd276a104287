import { useEffect } from 'preact/hooks';
import { MESSAGES } from '../i18n/messages';
import { BROWSER_UPLOAD_STEPS } from '../uploads/browser-steps';
import type { MaterialEntry } from '../uploads/material-entry';
import { awaitCheck, type UploadReport, uploadFile } from '../uploads/upload-file';
import { useBinding } from './binding';
import { fileFacts } from './file-digest';

/** Uploads running in this tab, by their row's key: a row whose key is not here lost its upload to a reload. */
const running = new Set<string>();

/**
 * Adds, replaces and removes the materials' files, each upload reporting into its own row of the draft
 * (found by key, so rows added or removed meanwhile do not matter, and a removed row's reports are dropped).
 */
export function useMaterialUploads() {
  const binding = useBinding();
  const entries = () => (binding.get('materials') as MaterialEntry[] | undefined) ?? [];
  const update = (key: string, change: UploadReport) => {
    const list = entries();
    const index = list.findIndex((entry) => entry.upload?.key === key);
    const entry = list[index];
    if (!entry?.upload) return;
    const { uploadId, ...display } = change;
    const next = { ...entry, ...(uploadId ? { uploadId } : {}), upload: { ...entry.upload, ...display } };
    binding.set('materials', list.with(index, next));
  };
  const track = async (key: string, work: Promise<void>) => {
    running.add(key);
    try {
      await work;
    } finally {
      running.delete(key);
    }
  };
  const start = async (type: string, file: File, at: number) => {
    const facts = await fileFacts(file);
    const key = crypto.randomUUID();
    const entry: MaterialEntry = {
      type,
      upload: {
        key,
        fileName: facts.fileName,
        sizeBytes: facts.sizeBytes,
        sha256: facts.sha256,
        phase: 'declaring',
        progress: 0,
      },
    };
    const list = entries();
    binding.set('materials', at < 0 ? [...list, entry] : list.with(at, entry));
    void track(
      key,
      uploadFile(file, facts, BROWSER_UPLOAD_STEPS, (change) => update(key, change)),
    );
  };

  useEffect(() => {
    for (const entry of entries()) {
      const upload = entry.upload;
      if (!upload || running.has(upload.key)) continue;
      if (upload.phase === 'checking' && entry.uploadId)
        void track(
          upload.key,
          awaitCheck(entry.uploadId, BROWSER_UPLOAD_STEPS, (change) => update(upload.key, change)),
        );
      else if (upload.phase === 'declaring' || upload.phase === 'sending')
        update(upload.key, {
          phase: 'failed',
          reason: { en: MESSAGES.en.uploads.interrupted, zh: MESSAGES.zh.uploads.interrupted },
        });
    }
  }, []);

  return {
    add: (type: string, file: File) => start(type, file, -1),
    replace: (index: number, file: File) => start(entries()[index]?.type ?? 'other', file, index),
    remove: (index: number) =>
      binding.set(
        'materials',
        entries().filter((_, position) => position !== index),
      ),
  };
}
