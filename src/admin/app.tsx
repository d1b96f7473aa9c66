import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { setSignedOutHandler } from './api/client';
import { AttentionPage } from './attention/attention-page';
import { useI18n } from './i18n/i18n';
import { KenjoPage } from './kenjo/kenjo-page';
import { KiosksPage } from './kiosks/kiosks-page';
import { WhoIsInPage } from './presence/who-is-in-page';
import { PunchesPage } from './punches/punches-page';
import { useSession } from './session/session';
import { applySignedOut } from './session/session-state';
import { SignIn } from './session/sign-in';
import { Shell, useSection, type Section } from './shell';
import { QueryState } from './ui/status';

const PAGES: Record<Section, () => React.JSX.Element> = {
  attention: AttentionPage,
  punches: PunchesPage,
  kiosks: KiosksPage,
  presence: WhoIsInPage,
  kenjo: KenjoPage,
};

export function App() {
  const { t } = useI18n();
  const client = useQueryClient();
  const session = useSession();
  const section = useSection();
  useEffect(() => {
    setSignedOutHandler(() => applySignedOut(client));
  }, [client]);
  useEffect(() => {
    document.title = `${t(`nav.${section}`)} · ${t('app.title')}`;
  }, [section, t]);

  const signedIn = session.data?.signedIn === true;
  const Page = PAGES[section];
  return (
    <Shell section={signedIn ? section : null} signedIn={signedIn}>
      {session.data === undefined ? (
        <QueryState isPending={session.isPending} error={session.error} />
      ) : signedIn ? (
        <Page />
      ) : (
        <SignIn />
      )}
    </Shell>
  );
}
