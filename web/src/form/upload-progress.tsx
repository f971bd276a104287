import { useLanguage } from '../i18n/language';
import type { UploadDisplay } from '../uploads/upload-state';

const SENT_OR_AFTER = new Set(['sending', 'checking', 'clean', 'rejected', 'infected']);

/** How far a file has come: the bytes sent as a bar and a percentage, then what the check found. */
export function UploadProgress(props: { upload: UploadDisplay }) {
  const { t, lang } = useLanguage();
  const { upload } = props;
  const percent = Math.round(upload.progress * 100);
  return (
    <span class="upload-progress">
      {SENT_OR_AFTER.has(upload.phase) ? (
        <span class="upload-bar">
          <progress value={percent} max={100} aria-label={t.uploads.progress(upload.fileName)} />
          <span class="file-meta">{t.uploads.percent(percent)}</span>
        </span>
      ) : null}
      <span role="status" class={`upload-phase upload-${upload.phase}`}>
        {t.uploads.phase[upload.phase]}
        {upload.reason ? `${t.app.colon}${upload.reason[lang]}` : ''}
      </span>
    </span>
  );
}
