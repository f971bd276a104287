import { ApiError } from '../api/client';
import { verifyCompany } from '../api/endpoints';
import { useLanguage } from '../i18n/language';
import { Pending } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

/**
 * The public check of a company, where the QR code on its e-licence leads: anyone, signed in or not,
 * reads what the register says of the code.
 */
export function VerifyPage(props: { uscc: string }) {
  const { t, lang } = useLanguage();
  const resource = useResource(() => verifyCompany(props.uscc), [props.uscc]);
  const company = resource.data;
  const notFound = resource.error instanceof ApiError && resource.error.status === 404;
  return (
    <Page title={t.verify.title} lead={<p>{t.verify.lead}</p>}>
      {company ? (
        <dl class="facts">
          <div>
            <dt>{t.verify.companyName}</dt>
            <dd>{company.companyName}</dd>
          </div>
          <div>
            <dt>{t.verify.uscc}</dt>
            <dd>
              <code>{company.uscc}</code>
            </dd>
          </div>
          <div>
            <dt>{t.verify.status}</dt>
            <dd>{t.verify.statusName[company.status] ?? company.status}</dd>
          </div>
          <div>
            <dt>{t.verify.establishedOn}</dt>
            <dd>{company.establishedOn}</dd>
          </div>
          <div>
            <dt>{t.verify.issuedBy}</dt>
            <dd>{company.issuedBy[lang]}</dd>
          </div>
        </dl>
      ) : notFound ? (
        <div class="notice notice-warning" role="alert">
          <p>{t.verify.notFound}</p>
          <p>
            <code>{props.uscc}</code>
          </p>
        </div>
      ) : (
        <Pending resource={resource} />
      )}
    </Page>
  );
}
