import { describe, expect, it } from 'vitest';
import { engineFromUserAgent } from './engine';

// Real user agent strings of the Debian engines the e2e suite drives.
const CHROMIUM =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
const WEBKIT =
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';

describe('engineFromUserAgent', () => {
  it('names headless Chromium chromium even though its string also says AppleWebKit and Safari', () => {
    expect(engineFromUserAgent(CHROMIUM)).toBe('chromium');
  });

  it('names Firefox ESR firefox', () => {
    expect(engineFromUserAgent(FIREFOX)).toBe('firefox');
  });

  it('names WebKitGTK MiniBrowser webkit', () => {
    expect(engineFromUserAgent(WEBKIT)).toBe('webkit');
  });

  it('answers unknown for a string it cannot place', () => {
    expect(engineFromUserAgent('curl/8.5.0')).toBe('unknown');
  });
});
