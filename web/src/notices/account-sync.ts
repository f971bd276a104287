import { useEffect } from 'preact/hooks';
import { getAccount, saveAccount } from '../api/endpoints';
import type { Account, AccountChoice } from '../api/types';
import type { Language } from '../i18n/messages';

export const noticeLanguage = (lang: Language): Account['language'] => (lang === 'zh' ? 'zh-CN' : 'en');

/** What PUT /api/account takes back from what GET answered, in the given language. */
export function choiceOf(account: Account, lang: Language): AccountChoice {
  return {
    language: noticeLanguage(lang),
    channels: account.channels,
    ...(account.email ? { email: account.email } : {}),
    ...(account.mobile ? { mobile: account.mobile } : {}),
  };
}

/**
 * Saves the account once per sign-in and again whenever the person switches the language. The notifier
 * finds officers and ops only through accounts that were saved, and writes in the account's language;
 * GET answers the same defaults for an account never saved as for one saved with them, so the app saves
 * unconditionally, keeping the channels and addresses it read. Best effort: a failure here must not stop
 * the page, and the next sign-in or language switch saves again.
 */
export function useAccountSync(token: string | undefined, lang: Language): void {
  useEffect(() => {
    if (!token) return;
    getAccount()
      .then((account) => saveAccount(choiceOf(account, lang)))
      .catch(() => undefined);
  }, [token, lang]);
}
