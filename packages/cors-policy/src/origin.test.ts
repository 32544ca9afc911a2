import { describe, expect, it } from 'vitest';
import { CorsPolicyError } from './errors.js';
import {
  checkConfiguredOrigin,
  isSerializedOrigin,
  matchesPattern,
  parseOriginPattern,
} from './origin.js';

describe('isSerializedOrigin', () => {
  it.each([
    'https://app.example.com',
    'http://localhost:3000',
    'http://localhost',
    'https://a.b.c.example.com:8443',
    'http://127.0.0.1:8000',
    'http://[::1]:3000',
    'http://[2001:db8::1]',
    'https://under_score.example.com',
    'https://xn--bcher-kva.example',
    'http://example.com:443',
    'https://example.com:80',
    'https://a.example.com:65535',
  ])('accepts the browser-serialized origin %s', (origin) => {
    expect(isSerializedOrigin(origin)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['null', 'null'],
    ['a trailing slash', 'https://app.example.com/'],
    ['a path', 'https://app.example.com/login'],
    ['a query', 'https://app.example.com?x=1'],
    ['a fragment', 'https://app.example.com#top'],
    ['userinfo', 'https://user@app.example.com'],
    ['an uppercase host', 'https://App.example.com'],
    ['an uppercase scheme', 'HTTPS://app.example.com'],
    ['the https default port', 'https://app.example.com:443'],
    ['the http default port', 'http://app.example.com:80'],
    ['port 0', 'http://localhost:0'],
    ['a port above 65535', 'http://localhost:65536'],
    ['a port with a leading zero', 'http://localhost:03000'],
    ['an empty port', 'http://localhost:'],
    ['a non-http scheme', 'ftp://example.com'],
    ['a file scheme', 'file://'],
    ['no scheme', 'app.example.com'],
    ['a leading space', ' https://app.example.com'],
    ['a trailing space', 'https://app.example.com '],
    ['a CR/LF injection', 'https://app.example.com\r\nSet-Cookie: a=b'],
    ['two origins joined by a comma', 'https://a.example.com, https://b.example.com'],
    ['an empty label', 'https://app..example.com'],
    ['a trailing dot', 'https://app.example.com.'],
    ['a backtick after the host', 'https://allowed.com`.attacker.net'],
    ['a percent-encoded character', 'https://allowed.com%60.attacker.net'],
    ['a non-ASCII host', 'https://bücher.example'],
    ['a shortened IPv4 address', 'http://127.1'],
    ['an IPv4 address with a leading zero', 'http://127.0.0.01'],
    ['an IPv4 part above 255', 'http://256.0.0.1'],
    ['a hexadecimal IPv4 address', 'http://0x7f.0.0.1'],
    ['a host ending in a number', 'http://example.1'],
    ['a non-canonical IPv6 address', 'http://[0:0:0:0:0:0:0:1]'],
    ['an uppercase IPv6 address', 'http://[2001:DB8::1]'],
    ['an IPv6 address with an embedded IPv4', 'http://[::ffff:127.0.0.1]'],
    ['an unclosed IPv6 bracket', 'http://[::1'],
    ['a label longer than 63 characters', `https://${'a'.repeat(64)}.example.com`],
    ['a 64 KiB value', `https://${'a'.repeat(65536)}.com`],
  ])('rejects %s', (_label, origin) => {
    expect(isSerializedOrigin(origin)).toBe(false);
  });
});

describe('subdomain patterns', () => {
  const pattern = parseOriginPattern('https://*.example.com', 'origins[0]', false);
  const withPort = parseOriginPattern('http://*.dev.example.com:8443', 'origins[1]', false);

  it('splits a pattern into scheme, suffix and port once', () => {
    expect(pattern).toEqual({
      source: 'https://*.example.com',
      scheme: 'https',
      suffix: '.example.com',
      port: '',
      head: 'https://',
      tail: '.example.com',
    });
    expect(withPort.port).toBe('8443');
    expect(withPort.tail).toBe('.dev.example.com:8443');
  });

  it.each(['https://a.example.com', 'https://a.b.example.com', 'https://x-1.example.com'])(
    'matches one or more labels before the domain: %s',
    (origin) => {
      expect(matchesPattern(origin, pattern)).toBe(true);
    },
  );

  it.each([
    ['the domain itself', 'https://example.com'],
    ['the domain as a prefix', 'https://example.com.evil.net'],
    ['the domain glued to another label', 'https://evilexample.com'],
    ['another scheme', 'http://a.example.com'],
    ['another port', 'https://a.example.com:8443'],
  ])('does not match %s', (_label, origin) => {
    expect(matchesPattern(origin, pattern)).toBe(false);
  });

  it('matches only the pattern port', () => {
    expect(matchesPattern('http://a.dev.example.com:8443', withPort)).toBe(true);
    expect(matchesPattern('http://a.dev.example.com', withPort)).toBe(false);
    expect(matchesPattern('http://a.dev.example.com:8444', withPort)).toBe(false);
  });

  it.each([
    ['https://*', 'pattern-too-broad'],
    ['https://*.', 'origin-host'],
    ['https://*.com', 'pattern-too-broad'],
    ['https://*example.com', 'pattern-invalid'],
    ['https://a.*.example.com', 'pattern-invalid'],
    ['https://*.*.example.com', 'pattern-invalid'],
    ['https://app.example.*', 'pattern-invalid'],
    ['https://app.example.com:*', 'pattern-invalid'],
    ['*.example.com', 'pattern-invalid'],
    ['https://*.example.com/', 'origin-trailing-slash'],
    ['https://*.example.com:443', 'origin-default-port'],
    ['https://*.Example.com', 'origin-uppercase'],
    ['ftp://*.example.com', 'origin-scheme'],
    ['https://*.0.0.1', 'pattern-invalid'],
    ['http://*.[::1]', 'pattern-invalid'],
  ])('refuses the pattern %s with code %s', (source, code) => {
    expect(() => parseOriginPattern(source, 'origins[0]', false)).toThrowError(
      expect.objectContaining({ name: 'CorsPolicyError', code }),
    );
  });

  it('suggests the corrected pattern when the problem is a trailing slash', () => {
    expect(() => parseOriginPattern('https://*.example.com/', 'origins[0]', false)).toThrowError(
      'Fix: write "https://*.example.com"',
    );
  });
});

describe('checkConfiguredOrigin', () => {
  it('returns a valid origin unchanged', () => {
    expect(checkConfiguredOrigin('http://localhost:3000', 'origins[0]')).toBe(
      'http://localhost:3000',
    );
  });

  it('suggests what the browser would send for a non-canonical IPv6 host', () => {
    let error: unknown;
    try {
      checkConfiguredOrigin('http://[0:0::1]:3000', 'origins[0]');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CorsPolicyError);
    expect((error as CorsPolicyError).code).toBe('origin-host');
    expect((error as CorsPolicyError).fix).toBe('write "http://[::1]:3000"');
  });
});
