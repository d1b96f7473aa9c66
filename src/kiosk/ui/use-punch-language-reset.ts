import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** A language chosen for one punch lasts this long without a punch, so an abandoned choice does not stick. */
export const PUNCH_LANGUAGE_MS = 30_000;

/**
 * Puts the kiosk back into its default language once the person's answer has been shown and cleared, or when
 * nobody punched within `PUNCH_LANGUAGE_MS` of choosing.
 */
export function usePunchLanguageReset(feedbackSeq: number | null, idle: boolean): void {
  const { language, defaultLanguage, resetPunchLanguage } = useI18n();
  const answered = useRef(false);
  const chosen = language !== defaultLanguage;
  useEffect(() => {
    if (feedbackSeq !== null) answered.current = true;
  }, [feedbackSeq]);
  useEffect(() => {
    if (!chosen) {
      answered.current = false;
      return;
    }
    if (answered.current && feedbackSeq === null) {
      answered.current = false;
      resetPunchLanguage();
      return;
    }
    if (!idle) return;
    const timer = setTimeout(resetPunchLanguage, PUNCH_LANGUAGE_MS);
    return () => clearTimeout(timer);
  }, [chosen, feedbackSeq, idle, resetPunchLanguage]);
}
