import { useState } from 'preact/hooks';
import type { FieldError } from '../../../shared/errors';
import { ApiError } from '../api/client';
import { getAccount, saveAccount } from '../api/endpoints';
import type { Account } from '../api/types';
import type { FieldMessage } from '../form/binding';
import { FieldMessages } from '../form/fields';
import { useLanguage } from '../i18n/language';
import { ErrorNotice, Pending, SuccessNotice } from '../ui/notices';
import { useResource } from '../ui/resource';
import { noticeLanguage } from './account-sync';

const CHANNELS = ['sms', 'email'] as const;

/** SMS, e-mail or both, and the addresses to use: saved with PUT /api/account. */
export function NoticePreferences(props: { founder: boolean }) {
  const { t } = useLanguage();
  const account = useResource(getAccount, []);
  return (
    <section class="panel" aria-labelledby="notice-preferences">
      <h2 id="notice-preferences">{t.notices.preferences}</h2>
      <p class="field-hint">{t.notices.preferencesIntro}</p>
      {account.data ? (
        <PreferencesForm key={account.data.sub} account={account.data} founder={props.founder} />
      ) : (
        <Pending resource={account} />
      )}
    </section>
  );
}

function PreferencesForm(props: { account: Account; founder: boolean }) {
  const { t, lang } = useLanguage();
  const [channels, setChannels] = useState<Account['channels']>(props.account.channels);
  const [email, setEmail] = useState(props.account.email ?? '');
  const [mobile, setMobile] = useState(props.account.mobile ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [noChannel, setNoChannel] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const messagesAt = (path: string): FieldMessage[] =>
    errors
      .filter((error) => error.path === path || error.path.startsWith(`${path}[`))
      .map((error) => ({ path, text: lang === 'zh' ? error.message_zh : error.message, kind: 'error' }));
  const describe = (id: string, messages: FieldMessage[], hint?: string) =>
    [hint, messages.length > 0 ? `${id}-messages` : undefined].filter(Boolean).join(' ') || undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors([]);
    setFailure(undefined);
    setSaved(false);
    setNoChannel(channels.length === 0);
    if (channels.length === 0) return;
    setSubmitting(true);
    try {
      await saveAccount({
        language: noticeLanguage(lang),
        channels,
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(mobile.trim() ? { mobile: mobile.trim() } : {}),
      });
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) setErrors(error.fields);
      else setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  const channelMessages: FieldMessage[] = [
    ...messagesAt('channels'),
    ...(noChannel ? [{ path: 'channels', text: t.notices.channelsRequired, kind: 'error' as const }] : []),
  ];
  const emailMessages = messagesAt('email');
  const mobileMessages = messagesAt('mobile');
  return (
    <form noValidate onSubmit={submit}>
      <fieldset
        id="notice-channels"
        class="field choices"
        aria-describedby={describe('notice-channels', channelMessages)}
      >
        <legend>{t.notices.channels}</legend>
        <FieldMessages id="notice-channels" messages={channelMessages} />
        {CHANNELS.map((channel) => (
          <div key={channel} class="choice">
            <input
              id={`notice-channel-${channel}`}
              type="checkbox"
              checked={channels.includes(channel)}
              onChange={(event: Event) => {
                const checked = (event.currentTarget as HTMLInputElement).checked;
                setChannels(
                  CHANNELS.filter((value) => (value === channel ? checked : channels.includes(value))),
                );
              }}
            />
            <label for={`notice-channel-${channel}`}>{t.notices.channel[channel]}</label>
          </div>
        ))}
      </fieldset>
      {props.founder ? (
        <p id="notice-address-hint" class="field-hint">
          {t.notices.addressHint}
        </p>
      ) : null}
      <div class="field">
        <label for="notice-email">{t.notices.email}</label>
        <FieldMessages id="notice-email" messages={emailMessages} />
        <input
          id="notice-email"
          type="email"
          autoComplete="email"
          value={email}
          aria-invalid={emailMessages.length > 0 ? 'true' : undefined}
          aria-describedby={describe(
            'notice-email',
            emailMessages,
            props.founder ? 'notice-address-hint' : undefined,
          )}
          onInput={(event: Event) => setEmail((event.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="notice-mobile">{t.notices.mobile}</label>
        <FieldMessages id="notice-mobile" messages={mobileMessages} />
        <input
          id="notice-mobile"
          type="tel"
          autoComplete="tel"
          value={mobile}
          aria-invalid={mobileMessages.length > 0 ? 'true' : undefined}
          aria-describedby={describe(
            'notice-mobile',
            mobileMessages,
            props.founder ? 'notice-address-hint' : undefined,
          )}
          onInput={(event: Event) => setMobile((event.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {failure === undefined ? null : <ErrorNotice error={failure} />}
      {saved ? <SuccessNotice>{t.notices.saved}</SuccessNotice> : null}
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={submitting}>
          {submitting ? t.notices.saving : t.notices.save}
        </button>
      </div>
    </form>
  );
}
