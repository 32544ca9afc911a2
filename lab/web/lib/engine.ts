import type { Engine } from '@cors-lab/scenarios';

/**
 * The rendering engine behind a user agent string, so the page can pick per-engine expectations.
 * Order matters: Chromium's string also names Safari and AppleWebKit, so it is checked first.
 */
export function engineFromUserAgent(userAgent: string): Engine | 'unknown' {
  if (/\b(?:Chrome|Chromium|HeadlessChrome|Edg)\//.test(userAgent)) return 'chromium';
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\bAppleWebKit\//.test(userAgent)) return 'webkit';
  return 'unknown';
}
