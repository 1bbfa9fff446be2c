import { Card, Tag } from 'antd';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { GENERAL_GUIDE, ROLE_GUIDES } from '../content/roles';
import { useI18n } from '../i18n';
import { useDocumentTitle } from '../lib/useTitle';

/** 操作手册: one section per role, rendered from content/roles.ts. */
export default function HelpPage() {
  const { t, pick } = useI18n();
  useDocumentTitle(t('help.title'));
  const { hash } = useLocation();

  useEffect(() => {
    if (!hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);

  return (
    <div className="portal-page">
      <h1 className="page-title">{t('help.title')}</h1>
      <p className="page-lead">{t('help.lead')}</p>
      <div className="help-layout">
        <nav className="help-toc" aria-labelledby="help-toc-title">
          <h2 id="help-toc-title">{t('help.toc')}</h2>
          <ol>
            <li>
              <a href="#general">{t('help.general')}</a>
            </li>
            {ROLE_GUIDES.map((g) => (
              <li key={g.role}>
                <a href={`#${g.role}`}>{t(`role.${g.role}`)}</a>
              </li>
            ))}
          </ol>
        </nav>
        <div>
          <section id="general" className="help-section" aria-labelledby="general-title">
            <Card>
              <h2 id="general-title" className="section-title">
                {t('help.general')}
              </h2>
              <ul>
                {GENERAL_GUIDE.map((line) => (
                  <li key={line.zh}>{pick(line)}</li>
                ))}
              </ul>
            </Card>
          </section>
          {ROLE_GUIDES.map((g) => (
            <section key={g.role} id={g.role} className="help-section" aria-labelledby={`${g.role}-title`}>
              <Card>
                <h2 id={`${g.role}-title`} className="section-title">
                  {t(`role.${g.role}`)}
                </h2>
                <p>{pick(g.summary)}</p>
                <h3>{t('help.account')}</h3>
                <p>{pick(g.account)}</p>
                <h3>{t('help.now')}</h3>
                <ul>
                  {g.now.map((line) => (
                    <li key={line.zh}>{pick(line)}</li>
                  ))}
                </ul>
                {g.later.length > 0 && (
                  <>
                    <h3>
                      {t('help.later')} <Tag>{t('common.comingSoon')}</Tag>
                    </h3>
                    <ul>
                      {g.later.map((line) => (
                        <li key={line.zh}>{pick(line)}</li>
                      ))}
                    </ul>
                  </>
                )}
              </Card>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
