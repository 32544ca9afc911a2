import { describe, expect, it } from 'vitest';
import { variesOnOrigin } from './vary.js';

const answer = (...rawHeaders: string[]) => ({ status: 200, headers: {}, rawHeaders, body: '' });

describe('variesOnOrigin', () => {
  it('finds Origin in any Vary line, in any case, among other names', () => {
    expect(
      variesOnOrigin(
        answer('vary', 'rsc, next-router-state-tree', 'Vary', 'Accept-Encoding, ORIGIN'),
      ),
    ).toBe(true);
    expect(variesOnOrigin(answer('Vary', '*'))).toBe(true);
  });

  it('is false without a Vary naming Origin, even when another header does', () => {
    expect(variesOnOrigin(answer('Vary', 'rsc, Accept-Encoding'))).toBe(false);
    expect(variesOnOrigin(answer('X-Vary', 'Origin', 'Origin', 'Vary'))).toBe(false);
    expect(variesOnOrigin(answer())).toBe(false);
  });
});
