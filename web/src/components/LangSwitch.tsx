import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n'
import { isLanguage, LANGUAGES } from '../i18n/language'

/** RU / EN switch; the choice is remembered on this device. */
export function LangSwitch() {
  const { t, i18n } = useTranslation()
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'
  return (
    <select
      className="select select--compact"
      data-testid="lang-switch"
      aria-label={t('header.language')}
      title={t('header.language')}
      value={current}
      onChange={(e) => {
        if (isLanguage(e.target.value)) setLanguage(e.target.value)
      }}
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng}>
          {t(`lang.${lng}`)}
        </option>
      ))}
    </select>
  )
}
