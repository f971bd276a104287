import { useEffect, useRef, useState } from 'preact/hooks';
import { useLanguage } from '../i18n/language';
import { ErrorNotice } from '../ui/notices';
import { fetchFile } from './fetch-file';

/** PDFs and images open inline; the platform takes no other kind of file (shared/form/materials.ts). */
const previewKind = (mediaType: string): 'pdf' | 'image' | undefined =>
  mediaType === 'application/pdf' ? 'pdf' : mediaType.startsWith('image/') ? 'image' : undefined;

/**
 * One stored file, named, with Preview and Download. The file is read once, through the API with the
 * session's token, into a blob URL that both use, and that is revoked when the row goes away.
 */
export function StoredFile(props: {
  path: string;
  label: string;
  fileName: string;
  mediaType: string;
  previewable?: boolean;
}) {
  const { t } = useLanguage();
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const made = useRef<string | undefined>(undefined);
  useEffect(
    () => () => {
      if (made.current) URL.revokeObjectURL(made.current);
    },
    [],
  );
  const kind = props.previewable === false ? undefined : previewKind(props.mediaType);

  const load = async (): Promise<string | undefined> => {
    if (made.current) return made.current;
    setLoading(true);
    setError(undefined);
    try {
      const blob = await fetchFile(props.path);
      made.current = URL.createObjectURL(new Blob([blob], { type: props.mediaType }));
      setUrl(made.current);
      return made.current;
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setLoading(false);
    }
  };
  const download = async () => {
    const href = await load();
    if (!href) return;
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.download = props.fileName;
    anchor.click();
  };

  return (
    <li class="stored-file">
      <div class="stored-file-row">
        <span class="file-name">{props.label}</span>
        {kind ? (
          <button
            type="button"
            class="button-secondary"
            aria-expanded={previewing}
            aria-label={`${previewing ? t.files.hidePreview : t.files.preview} ${props.fileName}`}
            onClick={async () => {
              if (previewing) return setPreviewing(false);
              if (await load()) setPreviewing(true);
            }}
          >
            {previewing ? t.files.hidePreview : t.files.preview}
          </button>
        ) : null}
        <button
          type="button"
          class="button-secondary"
          aria-label={`${t.files.download} ${props.fileName}`}
          onClick={download}
        >
          {t.files.download}
        </button>
        {loading ? <span role="status">{t.files.loading}</span> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {previewing && url && kind === 'pdf' ? (
        <iframe class="file-preview" src={url} title={props.fileName} />
      ) : null}
      {previewing && url && kind === 'image' ? (
        <img class="file-preview" src={url} alt={props.fileName} />
      ) : null}
    </li>
  );
}
