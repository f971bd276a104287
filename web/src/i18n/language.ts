import { createStore, useStore } from '../store';
import { LANGUAGES, type Language, MESSAGES, type Messages } from './messages';

const STORAGE_KEY = 'language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh';
}

export const language = createStore<Language>(initialLanguage());

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

applyToDocument(language.get());
language.subscribe((lang) => {
  localStorage.setItem(STORAGE_KEY, lang);
  applyToDocument(lang);
});

export function toggleLanguage(): void {
  language.set(language.get() === 'zh' ? 'en' : 'zh');
}

/** The current language and its messages. */
export function useLanguage(): { lang: Language; t: Messages } {
  const lang = useStore(language);
  return { lang, t: MESSAGES[lang] };
}
