import { describe, expect, it } from 'vitest';
import { generateProbes, generateProbesForList, type Probe } from './generate.js';
import { SCANNER_CLASSES, type ScannerClass } from './scanner-classes.js';

const EXACT = 'https://app.example.com';
const LOCAL = 'http://localhost:3300';
const PATTERN = 'https://*.example.org';

type Matcher = (origin: string) => boolean;

/** The host a lenient parser sees: the longest run of host characters after the scheme. */
function sloppyHost(origin: string): string | undefined {
  return /^https?:\/\/([a-z0-9.-]+)/i.exec(origin)?.[1];
}

function urlOf(origin: string): URL | undefined {
  try {
    return new URL(origin);
  } catch {
    return undefined;
  }
}

/** Real mistakes, one per class, each written for EXACT (app.example.com). */
const VULNERABLE: Record<Exclude<ScannerClass, 'wildcard-credentials'>, Matcher> = {
  arbitrary: () => true,
  null: (origin) => origin === 'null' || origin === EXACT,
  prefix: (origin) => origin.startsWith(EXACT),
  suffix: (origin) => origin.endsWith('app.example.com'),
  substring: (origin) => `${EXACT},https://admin.example.com`.includes(origin),
  'unescaped-dot': (origin) => new RegExp(`^${EXACT}$`).test(origin),
  'special-chars': (origin) => sloppyHost(origin) === 'app.example.com',
  'any-subdomain': (origin) => urlOf(origin)?.hostname.endsWith('example.com') === true,
  scheme: (origin) => urlOf(origin)?.host === 'app.example.com',
  port: (origin) => urlOf(origin)?.hostname === 'app.example.com',
  case: (origin) => origin.toLowerCase() === EXACT,
  userinfo: (origin) => urlOf(origin)?.origin === EXACT,
  trailing: (origin) => urlOf(origin)?.origin === EXACT,
  'third-party': (origin) => origin === EXACT || /\.(github\.io|vercel\.app)$/.test(origin),
};

function ofClass(probes: Probe[], scannerClass: ScannerClass): string[] {
  return probes.filter((probe) => probe.scannerClass === scannerClass).map(({ origin }) => origin);
}

describe('generateProbes', () => {
  it('every class yields probes for an exact origin', () => {
    const probes = generateProbes(EXACT);
    for (const scannerClass of SCANNER_CLASSES) {
      expect(ofClass(probes, scannerClass), scannerClass).not.toHaveLength(0);
    }
  });

  it('every class but unescaped-dot yields probes for a dotless host with a port', () => {
    const probes = generateProbes(LOCAL);
    for (const scannerClass of SCANNER_CLASSES) {
      const expected = scannerClass === 'unescaped-dot' ? 0 : 1;
      expect(Math.min(ofClass(probes, scannerClass).length, 1), scannerClass).toBe(expected);
    }
  });

  it('every class but any-subdomain yields probes for a subdomain pattern', () => {
    const probes = generateProbes(PATTERN);
    for (const scannerClass of SCANNER_CLASSES) {
      const expected = scannerClass === 'any-subdomain' ? 0 : 1;
      expect(Math.min(ofClass(probes, scannerClass).length, 1), scannerClass).toBe(expected);
    }
  });

  it.each([EXACT, LOCAL, PATTERN])('no probe for %s is the allowed origin itself', (allowed) => {
    expect(generateProbes(allowed).map(({ origin }) => origin)).not.toContain(allowed);
  });

  it('no probe for a pattern is a subdomain the pattern really allows', () => {
    const allowedByPattern = /^https:\/\/([a-z0-9_-]+\.)+example\.org$/;
    const leaks = generateProbes(PATTERN).filter(({ origin }) => allowedByPattern.test(origin));
    expect(leaks).toEqual([]);
  });

  it.each(Object.entries(VULNERABLE))(
    'a matcher vulnerable to %s accepts at least one probe of that class',
    (scannerClass, vulnerable) => {
      const caught = ofClass(generateProbes(EXACT), scannerClass as ScannerClass).filter(
        vulnerable,
      );
      expect(caught).not.toHaveLength(0);
    },
  );

  it('the pattern probes catch a suffix check that forgot the dot before the domain', () => {
    const caught = ofClass(generateProbes(PATTERN), 'suffix').filter(
      (origin) => origin.startsWith('https://') && origin.endsWith('example.org'),
    );
    expect(caught).toContain('https://attackerexample.org');
  });

  it('the pattern probes catch a regex built from the pattern without escaping its dots', () => {
    const naive = new RegExp('^https://.*.example.org$');
    expect(ofClass(generateProbes(PATTERN), 'unescaped-dot').filter((o) => naive.test(o))).toEqual(
      expect.arrayContaining(['https://wwwxexample.org']),
    );
  });

  it('special characters come raw and percent-encoded after the host', () => {
    const probes = ofClass(generateProbes(EXACT), 'special-chars');
    expect(probes).toContain('https://app.example.com_.attacker.net');
    expect(probes).toContain('https://app.example.com%60.attacker.net');
    expect(probes).toContain('https://app.example.com`.attacker.net');
  });

  it('a strict matcher refuses every probe of every class', () => {
    const strict = (origin: string) =>
      origin === EXACT || /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.example\.org$/.test(origin);
    const probes = [...generateProbes(EXACT), ...generateProbes(PATTERN)];
    expect(probes.filter(({ origin }) => strict(origin))).toEqual([]);
  });

  it('drops a probe of one entry that another entry of the same list allows', () => {
    const list = ['http://localhost:3300', 'http://localhost:3301'];
    const origins = generateProbesForList(list).map(({ origin }) => origin);
    expect(generateProbes(list[0] as string).map(({ origin }) => origin)).toContain(list[1]);
    expect(origins).not.toContain(list[1]);
    expect(origins).not.toContain(list[0]);
  });

  it('refuses an entry that is neither an origin nor a pattern, naming it', () => {
    expect(() => generateProbes('app.example.com')).toThrow(/"app\.example\.com"/);
  });
});
