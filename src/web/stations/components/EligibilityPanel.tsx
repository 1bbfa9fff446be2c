import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { ELIGIBILITY_MESSAGES, type Eligibility } from '../../../shared/stations/eligibility';
import { useI18n } from '../../i18n';

/**
 * The live eligibility result (seed 000 §一: all six basic conditions and at least one recommended
 * condition, each with evidence). Each missing item links to its place in the form when `onGo` is given.
 */
export function EligibilityPanel({
  result,
  onGo,
  title,
}: {
  result: Eligibility;
  onGo?: (path: string) => void;
  title?: string;
}) {
  const { t, lang, tx } = useI18n();
  return (
    <Card size="small" title={title ?? t('st.elig.title')} data-testid="eligibility">
      {result.eligible ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={t('st.elig.ok')}
          description={t('st.elig.okDesc', {
            met: result.recommendedMet.map((m) => tx(`st.sec.recommended.${m}`, m)).join('、'),
          })}
        />
      ) : (
        <>
          <p style={{ margin: '0 0 8px', fontWeight: 500 }}>
            <ExclamationCircleFilled style={{ color: '#ad6800', marginRight: 6 }} aria-hidden="true" />
            {t('st.elig.missing', { n: result.missing.length })}
          </p>
          <ol className="st-missing">
            {result.missing.map((m) => (
              <li key={`${m.path}:${m.key}`}>
                {onGo ? (
                  <Button type="link" className="st-missing__link" onClick={() => onGo(m.path)}>
                    {ELIGIBILITY_MESSAGES[m.key][lang]}
                  </Button>
                ) : (
                  ELIGIBILITY_MESSAGES[m.key][lang]
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
