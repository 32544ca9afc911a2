import { describe, expect, it } from 'vitest';
import { judge } from './verdict.js';

const PROBE = 'https://app.example.com.attacker.net';

describe('judge', () => {
  it('counts a response without Allow-Origin as refused', () => {
    expect(judge(PROBE, [], ['true'])).toBe('refused');
  });

  it('flags an Allow-Origin that echoes the probe', () => {
    expect(judge(PROBE, [PROBE], [])).toBe('reflected');
  });

  it('flags the probe echoed inside a comma list or a repeated header', () => {
    expect(judge(PROBE, [`https://app.example.com, ${PROBE}`], [])).toBe('reflected');
    expect(judge(PROBE, ['https://app.example.com', PROBE], [])).toBe('reflected');
  });

  it('flags * with Allow-Credentials true', () => {
    expect(judge(PROBE, ['*'], ['true'])).toBe('wildcard-credentials');
  });

  it('accepts * without credentials and a fixed origin that is not the probe', () => {
    expect(judge(PROBE, ['*'], [])).toBe('other-origin');
    expect(judge(PROBE, ['https://app.example.com'], ['true'])).toBe('other-origin');
  });
});
