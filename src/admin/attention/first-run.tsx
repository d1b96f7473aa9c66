/** The console's first screen while no kiosk exists: what to do first, in three steps, and the way there. */
import { useI18n } from '../i18n/i18n';

export function FirstRun() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="first-run-title" className="card first-run">
      <h3 id="first-run-title">{t('firstRun.title')}</h3>
      <p>{t('firstRun.intro')}</p>
      <ol>
        <li>{t('firstRun.step1')}</li>
        <li>{t('firstRun.step2')}</li>
        <li>{t('firstRun.step3')}</li>
      </ol>
      <a className="button primary" href="#kiosks">
        {t('firstRun.go')}
      </a>
    </section>
  );
}
