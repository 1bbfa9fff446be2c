import { PageHead } from '../console/PageHead';
import { useI18n } from '../i18n';
import { agreementsApi } from './api';
import { AgreementList } from './AgreementList';

/** 文书签署: the agreements I am a party of; sign, decline, download. */
export default function MyAgreementsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHead title={t('agr.mine.title')} lead={t('agr.mine.lead')} />
      <AgreementList name="my-agreements" load={agreementsApi.mine} />
    </>
  );
}
