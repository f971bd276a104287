import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { Page } from '../ui/page';

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <Page title={t.app.notFound}>
      <p>{t.app.notFoundBody}</p>
      <p>
        <Link href="/">{t.app.backHome}</Link>
      </p>
    </Page>
  );
}
