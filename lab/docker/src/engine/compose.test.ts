import { describe, expect, it } from 'vitest';
import { parseComposeVersion } from './compose.js';

describe('parseComposeVersion', () => {
  it('reads Compose v1 and v2 short versions', () => {
    expect(parseComposeVersion('1.29.2\n')).toBe('1.29.2');
    expect(parseComposeVersion('v2.29.7')).toBe('2.29.7');
    expect(parseComposeVersion('2.40.3-desktop.1')).toBe('2.40.3');
  });

  it('names output it cannot read', () => {
    expect(() => parseComposeVersion('unknown flag: --short')).toThrow(
      /Unrecognised Compose version output: "unknown flag: --short"/,
    );
  });
});
