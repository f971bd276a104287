import { documentPath, listDocuments } from '../api/endpoints';
import { StoredFile } from '../documents/stored-file';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Pending } from '../ui/notices';
import { useResource } from '../ui/resource';

/** Only the e-licence is read on screen; the certificates are kept as files. */
const PREVIEWED = new Set(['e-licence']);
const POLL_MS = 3000;

/** The documents a completed case was issued: the e-licence and the certificates, each to download. */
export function Documents(props: { caseId: string }) {
  const { t, lang } = useLanguage();
  // The documents are made as the case completes: until the first arrives, the list is asked again.
  const resource = useResource(() => listDocuments(props.caseId), [props.caseId], {
    pollMs: POLL_MS,
    keepPolling: (list) => list.items.length === 0,
  });
  const items = resource.data?.items;
  return (
    <section class="panel" aria-labelledby="case-documents">
      <h2 id="case-documents">{t.documents.title}</h2>
      {!items ? (
        <Pending resource={resource} />
      ) : items.length === 0 ? (
        <p class="field-hint">{t.documents.none}</p>
      ) : (
        <ul class="stored-files">
          {items.map((document) => (
            <StoredFile
              key={document.id}
              path={documentPath(props.caseId, document.id)}
              label={`${t.documents.kind[document.kind] ?? document.kind} · ${t.documents.issuedAt(formatInstant(document.issuedAt, lang))}`}
              fileName={document.fileName}
              mediaType={document.mediaType}
              previewable={PREVIEWED.has(document.kind)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
