import { describe, expect, it } from 'vitest';
import { replayRefusal, replayScope } from './remote-replay';

const url = (text: string) => new URL(text);

describe('the replay scope', () => {
  it('is off in a production build unless LAB_REMOTE_TARGETS is set', () => {
    const scope = replayScope({ NODE_ENV: 'production' });
    expect(scope.kind).toBe('off');
    expect(replayRefusal(scope, url('http://localhost:8000/'))).toContain('LAB_REMOTE_TARGETS');
  });

  it('reaches loopback hosts only, by default in development', () => {
    const scope = replayScope({ NODE_ENV: 'development' });
    expect(replayRefusal(scope, url('http://localhost:8000/'))).toBeUndefined();
    expect(replayRefusal(scope, url('http://127.0.0.1:9/'))).toBeUndefined();
    expect(replayRefusal(scope, url('http://[::1]:8000/'))).toBeUndefined();
    expect(replayRefusal(scope, url('https://example.com/'))).toContain(
      'example.com is not a loopback host',
    );
    expect(replayRefusal(scope, url('http://localhost.example.com/'))).toBeDefined();
  });

  it('adds the host names LAB_REMOTE_TARGETS lists, and refuses a malformed list', () => {
    const scope = replayScope({ NODE_ENV: 'production', LAB_REMOTE_TARGETS: 'api.example.com' });
    expect(replayRefusal(scope, url('https://api.example.com/x'))).toBeUndefined();
    expect(replayRefusal(scope, url('https://other.example.com/'))).toContain('other.example.com');
    expect(replayScope({ LAB_REMOTE_TARGETS: 'http://x/' }).kind).toBe('off');
    expect(replayScope({ LAB_REMOTE_TARGETS: 'any' }).kind).toBe('any');
  });
});
