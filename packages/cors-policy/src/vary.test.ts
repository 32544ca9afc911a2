import { describe, expect, it } from 'vitest';
import { appendVary } from './vary.js';

describe('appendVary', () => {
  it('sets the token when there is no Vary yet', () => {
    expect(appendVary(undefined, 'Origin')).toBe('Origin');
    expect(appendVary('', 'Origin')).toBe('Origin');
  });

  it('appends to an existing Vary instead of overwriting it', () => {
    expect(appendVary('Accept-Encoding', 'Origin')).toBe('Accept-Encoding, Origin');
    expect(appendVary('Accept, Accept-Encoding', 'Origin')).toBe('Accept, Accept-Encoding, Origin');
  });

  it('does not add a token that is already there in another case', () => {
    expect(appendVary('accept-encoding, origin', 'Origin')).toBe('accept-encoding, origin');
    expect(appendVary('Accept-Encoding,ORIGIN', 'Origin')).toBe('Accept-Encoding,ORIGIN');
  });

  it('keeps * untouched, since it already varies on everything', () => {
    expect(appendVary('*', 'Origin')).toBe('*');
    expect(appendVary('Accept-Encoding, *', 'Origin')).toBe('Accept-Encoding, *');
  });

  it('does not mistake a token that merely contains the name for it', () => {
    expect(appendVary('X-Origin-Hint', 'Origin')).toBe('X-Origin-Hint, Origin');
  });
});
