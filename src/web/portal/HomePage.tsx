import {
  BankOutlined,
  BookOutlined,
  CheckCircleFilled,
  FlagOutlined,
  PhoneOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../i18n';
import { useDocumentTitle } from '../lib/useTitle';

interface Service {
  icon: ReactNode;
  title: MessageKey;
  desc: MessageKey;
  points: MessageKey[];
  link: string;
  /** A second link (e.g. the challenge hall). */
  extra?: { to: string; label: MessageKey };
}

const SERVICES: Service[] = [
  {
    icon: <BankOutlined />,
    title: 'home.station.title',
    desc: 'home.station.desc',
    points: ['home.station.p1', 'home.station.p2', 'home.station.p3'],
    link: '/help#unit',
  },
  {
    icon: <FlagOutlined />,
    title: 'home.challenge.title',
    desc: 'home.challenge.desc',
    points: ['home.challenge.p1', 'home.challenge.p2', 'home.challenge.p3'],
    link: '/help#individual',
    extra: { to: '/hall', label: 'home.challenge.hall' },
  },
];

const ENTRIES: { icon: ReactNode; title: MessageKey; desc: MessageKey; to: string }[] = [
  {
    icon: <SolutionOutlined />,
    title: 'home.entry.unit',
    desc: 'home.entry.unitDesc',
    to: '/register?tab=unit',
  },
  {
    icon: <TeamOutlined />,
    title: 'home.entry.individual',
    desc: 'home.entry.individualDesc',
    to: '/register?tab=individual',
  },
  {
    icon: <BankOutlined />,
    title: 'home.entry.stations',
    desc: 'home.entry.stationsDesc',
    to: '/stations',
  },
  {
    icon: <PhoneOutlined />,
    title: 'home.entry.directory',
    desc: 'home.entry.directoryDesc',
    to: '/directory',
  },
  { icon: <BookOutlined />, title: 'home.entry.help', desc: 'home.entry.helpDesc', to: '/help' },
];

const STEPS: MessageKey[] = ['home.step1', 'home.step2', 'home.step3', 'home.step4'];

export default function HomePage() {
  const { t } = useI18n();
  useDocumentTitle('');
  return (
    <div className="portal-page">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        <div className="hero__actions">
          <Link className="hbtn hbtn--solid" to="/register">
            {t('home.ctaRegister')}
          </Link>
          <Link className="hbtn" to="/login">
            {t('home.ctaLogin')}
          </Link>
        </div>
      </section>

      <section aria-labelledby="services-title">
        <h2 className="section-title" id="services-title">
          {t('home.servicesTitle')}
        </h2>
        <Row gutter={[20, 20]} style={{ marginBottom: 28 }}>
          {SERVICES.map((s) => (
            <Col xs={24} md={12} key={s.title}>
              <Card style={{ height: '100%' }}>
                <h3
                  style={{ margin: '0 0 8px', fontSize: 18, display: 'flex', gap: 10, alignItems: 'center' }}
                >
                  <span style={{ color: 'var(--brand)', fontSize: 22 }} aria-hidden="true">
                    {s.icon}
                  </span>
                  {t(s.title)}
                </h3>
                <p style={{ margin: '0 0 12px', color: 'var(--text-2)' }}>{t(s.desc)}</p>
                <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 12px' }}>
                  {s.points.map((p) => (
                    <li key={p} style={{ margin: '4px 0' }}>
                      <CheckCircleFilled style={{ color: '#2a7a1f', marginRight: 8 }} aria-hidden="true" />
                      {t(p)}
                    </li>
                  ))}
                </ul>
                <Link to={s.link}>{t('nav.help')} →</Link>
                {s.extra && (
                  <Link to={s.extra.to} style={{ marginLeft: 20 }}>
                    {t(s.extra.label)} →
                  </Link>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section aria-labelledby="process-title">
        <h2 className="section-title" id="process-title">
          {t('home.processTitle')}
        </h2>
        <ol className="steps">
          {STEPS.map((s) => (
            <li key={s}>{t(s)}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="entries-title">
        <h2 className="section-title" id="entries-title">
          {t('home.entriesTitle')}
        </h2>
        <Row gutter={[16, 16]}>
          {ENTRIES.map((e) => (
            <Col xs={24} sm={12} lg={{ flex: '1 1 0' }} key={e.title}>
              <Card hoverable style={{ height: '100%' }} styles={{ body: { padding: 20 } }}>
                <Link to={e.to} className="entry-card">
                  <span style={{ fontSize: 26, color: 'var(--brand)' }} aria-hidden="true">
                    {e.icon}
                  </span>
                  <h3>{t(e.title)}</h3>
                  <p>{t(e.desc)}</p>
                </Link>
              </Card>
            </Col>
          ))}
        </Row>
      </section>
    </div>
  );
}
