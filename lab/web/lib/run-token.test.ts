import { describe, expect, it } from 'vitest';
import { runToken } from './run-token';

describe('runToken', () => {
  it('is eight hex digits', () => {
    expect(runToken()).toMatch(/^[0-9a-f]{8}$/);
  });

  it('differs between calls, so two page loads never share a run id', () => {
    const tokens = new Set(Array.from({ length: 100 }, runToken));
    expect(tokens.size).toBe(100);
  });
});
