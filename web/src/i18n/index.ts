import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { readStorage, STORAGE_KEYS, writeStorage } from '../lib/storage'
import { en } from './en'
import { FALLBACK_LANGUAGE, pickLanguage, type Language } from './language'
import { ru } from './ru'

export const resources = {
  en: { translation: en },
  ru: { translation: ru },
} as const

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}

const initial = pickLanguage(readStorage(STORAGE_KEYS.lang), browserLanguages())

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: FALLBACK_LANGUAGE,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})

function applyDocumentLanguage(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}
applyDocumentLanguage(initial)
i18n.on('languageChanged', applyDocumentLanguage)

/** Switch the UI language and remember the choice on this device. */
export function setLanguage(lng: Language) {
  writeStorage(STORAGE_KEYS.lang, lng)
  void i18n.changeLanguage(lng)
}

export default i18n
