import { useT } from '../i18n';
import { useTitle } from '../use-title';

/** `/about-data`: the rules minefree applies and the one vocabulary for what the data does not say. */
export function AboutDataPage() {
  const t = useT();
  useTitle(t('web:aboutData.title'));
  return (
    <>
      <h1>{t('web:aboutData.title')}</h1>
      <p className="lead">{t('web:aboutData.lead')}</p>
      <section aria-labelledby="marks-heading">
        <h2 id="marks-heading">{t('web:aboutData.marksHeading')}</h2>
        <p>{t('web:aboutData.marksIntro')}</p>
        <dl className="vocabulary">
          <dt id="not-reported">{t('web:aboutData.notReported')}</dt>
          <dd>{t('web:aboutData.notReportedText')}</dd>
          <dt id="not-in-sources">{t('web:aboutData.notInSources')}</dt>
          <dd>{t('web:aboutData.notInSourcesText')}</dd>
          <dt id="not-applicable">{t('web:aboutData.notApplicable')}</dt>
          <dd>{t('web:aboutData.notApplicableText')}</dd>
        </dl>
      </section>
      <section aria-labelledby="deadline-marks-heading">
        <h2 id="deadline-marks-heading">{t('web:aboutData.deadlineHeading')}</h2>
        <ul>
          <li>
            <span aria-hidden="true">✓ </span>
            {t('web:aboutData.met')}
          </li>
          <li>
            <span aria-hidden="true">✗ </span>
            {t('web:aboutData.missed')}
          </li>
          <li>
            <span aria-hidden="true">… </span>
            {t('web:aboutData.open')}
          </li>
          <li>
            <span aria-hidden="true">? </span>
            {t('web:aboutData.unknown')}
          </li>
        </ul>
      </section>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('web:aboutData.rulesHeading')}</h2>
        <ul>
          <li>{t('web:aboutData.ruleParty')}</li>
          <li>{t('web:aboutData.ruleForce')}</li>
          <li>{t('web:aboutData.ruleWithdraw')}</li>
          <li>{t('web:aboutData.ruleDates')}</li>
        </ul>
        <h3>{t('web:aboutData.notPartyHeading')}</h3>
        <p>{t('web:aboutData.notPartyText')}</p>
      </section>
    </>
  );
}
