/**
 * A punch's reason in the console's language: by its code and parameters when the server gave them, else (an
 * operator's own words, a punch stored before reasons had codes) the stored sentence as it is.
 */
import type { EmployeeRef } from '../../../core/punch';
import type { CodedReason, ReasonParams } from '../../../core/punch-reason';
import type { Translate } from '../i18n/i18n';
import { formatDuration, formatQuantity, formatWallClock, formatWallDay } from '../ui/format';
import { identifierLabel } from './identifier-label';

function refOf(params: ReasonParams): EmployeeRef {
  const value = String(params.value ?? '');
  if (params.kind === 'email') return { email: value };
  if (params.kind === 'userId') return { userId: value };
  return { externalId: value };
}

/** The latest wall-clock time an overnight close may have (`core/attendance-day.ts`), as the language writes it. */
const LATEST_CLOSE = '2000-01-01T18:00:00';

export function reasonLabel(
  sentence: string | null,
  coded: CodedReason | null,
  t: Translate,
  language: string,
): string | null {
  if (coded === null) return sentence;
  const p = coded.params;
  const text = (name: string) => String(p[name] ?? '');
  const count = (name: string) => Number(p[name] ?? 0);
  const start = text('start');
  switch (coded.code) {
    case 'unknown-employee':
    case 'inactive-employee':
      return t(`reason.${coded.code}`, { who: identifierLabel(refOf(p), t) });
    case 'directory-unavailable':
      return t('reason.directory-unavailable');
    case 'clock-ahead':
      return t('reason.clock-ahead', {
        ahead: formatQuantity(count('aheadS'), language, 'second'),
        limit: formatQuantity(count('limitS'), language, 'second'),
      });
    case 'too-old':
      return t('reason.too-old', {
        age: formatQuantity(count('days'), language, 'day'),
        limit: formatQuantity(count('limitDays'), language, 'day'),
      });
    case 'invalid-punch':
    case 'held-for-kenjo-check':
      return t(`reason.${coded.code}`, { detail: text('detail') });
    case 'double-scan':
      return t('reason.double-scan', { time: formatWallClock(text('first'), language) });
    case 'kenjo-refused':
      return t('reason.kenjo-refused', { status: count('status'), message: text('message') });
    case 'overnight-after-latest-time':
      return t('reason.overnight-after-latest-time', { time: formatWallClock(LATEST_CLOSE, language) });
    case 'overnight-no-open-entry':
      return t('reason.overnight-no-open-entry', { day: formatWallDay(text('day'), language) });
    case 'overnight-starts-after':
      return t('reason.overnight-starts-after', {
        day: formatWallDay(start, language),
        time: formatWallClock(start, language),
      });
    case 'overnight-closes':
      return t('reason.overnight-closes', {
        day: formatWallDay(start, language),
        time: formatWallClock(start, language),
        duration: formatDuration(count('elapsedMs'), language),
      });
    case 'overnight-too-long':
      return t('reason.overnight-too-long', {
        day: formatWallDay(start, language),
        duration: formatDuration(count('elapsedMs'), language),
        limit: formatDuration(count('limitMs'), language),
      });
  }
}
