/** The frame of every screen: the demo banner, the title, the sections, the language and sign-out. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { get } from './api/client';
import type { Health } from './api/types';
import { LanguageSwitcher, useI18n } from './i18n/i18n';
import type { MessageKey } from './i18n/en';
import { useSignOut } from './session/session';

export const SECTIONS = ['attention', 'punches', 'kiosks', 'presence', 'kenjo'] as const;
export type Section = (typeof SECTIONS)[number];

function sectionFromHash(): Section {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'attention';
}

export function useSection(): Section {
  const [section, setSection] = useState(sectionFromHash);
  useEffect(() => {
    const onChange = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return section;
}

export function DemoBanner() {
  const { t } = useI18n();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => get<Health>('/api/v1/health'),
    staleTime: 60_000,
  });
  if (!health.data?.demoMode) return null;
  return <p className="demo-banner">{t('app.demoBanner')}</p>;
}

export function Shell({
  section,
  signedIn,
  children,
}: {
  section: Section | null;
  signedIn: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const signOut = useSignOut();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top">
        <DemoBanner />
        <div className="top-row">
          <h1>{t('app.title')}</h1>
          <div className="top-tools">
            <LanguageSwitcher />
            {signedIn && (
              <button type="button" onClick={() => signOut.mutate()}>
                {t('session.signOut')}
              </button>
            )}
          </div>
        </div>
        {signedIn && (
          <nav aria-label={t('nav.label')} className="sections">
            <ul>
              {SECTIONS.map((name) => (
                <li key={name}>
                  <a href={`#${name}`} aria-current={name === section ? 'page' : undefined}>
                    {t(`nav.${name}` as MessageKey)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
