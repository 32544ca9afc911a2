import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { definePolicy } from './define-policy.js';
import { isSerializedOrigin } from './origin.js';
import type { CorsRequest, Policy } from './types.js';

const NEAR_MISSES_PER_ORIGIN = 10_000;

/** Characters scanners put right after a trusted host (`allowed.com_.attacker.net`, `allowed.com%60...`). */
const SPECIAL = [...'_-.~!$&\'()*+,;=`%^{}|"<>[]\\@:/?#', '%60', '%2e', '%00', '\u0000', '\t', ' '];
const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
const junk = fc.string({ minLength: 1, maxLength: 12 });

interface Target {
  scheme: 'http' | 'https';
  /** The host as written in the policy; for a pattern, the part after `*.`. */
  host: string;
  port: string;
  isPattern: boolean;
}

function origin(scheme: string, host: string, port: string): string {
  return `${scheme}://${host}${port === '' ? '' : `:${port}`}`;
}

/** Every near-miss class a CORS scanner tries (prefix, suffix, substring, special characters, scheme, port, case), built around one allowed origin or pattern. */
function nearMisses(target: Target): fc.Arbitrary<string> {
  const { scheme, host, port, isPattern } = target;
  // For a pattern, the closest legitimate origin is one subdomain deep.
  const base = isPattern ? `sub.${host}` : host;
  const exact = origin(scheme, base, port);
  const otherScheme = scheme === 'https' ? 'http' : 'https';
  const dots = [...base].flatMap((char, index) => (char === '.' ? [index] : []));
  const classes: fc.Arbitrary<string>[] = [
    // prefix match: the trusted origin followed by more host
    fc.tuple(label, label).map(([a, b]) => `${origin(scheme, `${base}.${a}.${b}`, port)}`),
    junk.map((tail) => `${exact}${tail}`),
    // suffix match: something glued in front of the host
    label.map((before) => origin(scheme, `${before}${base}`, port)),
    junk.map((before) => `${scheme}://${before}${base}${port === '' ? '' : `:${port}`}`),
    // substring: any strict part of the origin
    fc
      .tuple(fc.nat(exact.length), fc.nat(exact.length))
      .map(([a, b]) => exact.slice(Math.min(a, b), Math.max(a, b)))
      .filter((part) => part !== exact),
    // special characters after the host, then an attacker domain
    fc
      .tuple(fc.constantFrom(...SPECIAL), label)
      .map(([special, attacker]) => origin(scheme, `${base}${special}${attacker}.net`, port)),
    fc.constantFrom(...SPECIAL).map((special) => `${exact}${special}`),
    // scheme swap and scheme junk
    fc.constant(origin(otherScheme, base, port)),
    fc
      .constantFrom('ws', 'wss', 'ftp', 'file', 'HTTP', 'HTTPS', 'chrome-extension')
      .map((other) => origin(other, base, port)),
    // port change, including the explicit default port and leading zeros
    fc
      .integer({ min: 1, max: 65535 })
      .filter((other) => String(other) !== port)
      .map((other) => origin(scheme, base, String(other))),
    fc
      .constantFrom('0', '00', '443', '80', `0${port || '443'}`, '65536', '-1', '')
      .map((other) => `${scheme}://${base}:${other}`),
    // case change of one character
    fc
      .nat(exact.length - 1)
      .filter((index) => /[a-z]/.test(exact.charAt(index)))
      .map(
        (index) =>
          exact.slice(0, index) + exact.charAt(index).toUpperCase() + exact.slice(index + 1),
      ),
    // userinfo
    fc
      .tuple(label, fc.option(label))
      .map(
        ([user, password]) =>
          `${scheme}://${user}${password === null ? '' : `:${password}`}@${base}${port === '' ? '' : `:${port}`}`,
      ),
    fc.constant(`${scheme}://${base}@evil.net`),
    // trailing slash, path, query, fragment
    fc.constant(`${exact}/`),
    fc
      .tuple(fc.constantFrom('/', '?', '#', '/.'), label)
      .map(([sep, rest]) => `${exact}${sep}${rest}`),
    // whitespace, CR/LF, a second origin
    fc.constantFrom(` ${exact}`, `${exact} `, `${exact}\r\n`, `${exact}, https://evil.net`),
    fc.constant('null'),
  ];
  if (dots.length > 0) {
    // unescaped dot: each dot of the host replaced by another character
    classes.push(
      fc.tuple(fc.constantFrom(...dots), fc.constantFrom(...'abcxyz09-_')).map(([index, char]) => {
        const swapped = base.slice(0, index) + char + base.slice(index + 1);
        return origin(scheme, swapped, port);
      }),
    );
  }
  if (isPattern) {
    // the bare domain, and the domain glued to a label
    classes.push(fc.constant(origin(scheme, host, port)));
    classes.push(label.map((before) => origin(scheme, `${before}${host}`, port)));
  } else {
    // any subdomain of an exact origin
    classes.push(label.map((sub) => origin(scheme, `${sub}.${host}`, port)));
  }
  return fc.oneof(...classes);
}

const exactTargets: Target[] = [
  { scheme: 'https', host: 'app.example.com', port: '', isPattern: false },
  { scheme: 'http', host: 'localhost', port: '3000', isPattern: false },
  { scheme: 'http', host: '127.0.0.1', port: '8000', isPattern: false },
  { scheme: 'https', host: 'allowed.com', port: '', isPattern: false },
];
const patternTargets: Target[] = [
  { scheme: 'https', host: 'preview.example.org', port: '', isPattern: true },
  { scheme: 'http', host: 'dev.test', port: '8443', isPattern: true },
];
const allTargets = [...exactTargets, ...patternTargets];

const configured = allTargets.map((target) =>
  target.isPattern
    ? origin(target.scheme, `*.${target.host}`, target.port)
    : origin(target.scheme, target.host, target.port),
);

const policies: Record<string, Policy<true>> = {
  'an exact list with credentials': definePolicy({
    origins: configured.filter((_, index) => !allTargets[index]?.isPattern),
    credentials: true,
  }),
  'patterns with credentials': definePolicy({
    origins: configured.filter((_, index) => allTargets[index]?.isPattern),
    credentials: true,
  }),
  'exact origins and patterns mixed': definePolicy({ origins: configured }),
};

/** Hand-written oracle: the only origins each target admits. */
function admits(target: Target, candidate: string): boolean {
  if (!target.isPattern) return candidate === origin(target.scheme, target.host, target.port);
  const head = `${target.scheme}://`;
  const tail = `.${target.host}${target.port === '' ? '' : `:${target.port}`}`;
  if (!candidate.startsWith(head) || !candidate.endsWith(tail)) return false;
  const labels = candidate.slice(head.length, candidate.length - tail.length);
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(labels);
}

function get(candidate: string): CorsRequest {
  return { method: 'GET', origin: candidate };
}

describe('near-misses are never accepted', () => {
  for (const [policyName, policy] of Object.entries(policies)) {
    const targets = allTargets.filter((target) =>
      target.isPattern ? policy.originPatterns.length > 0 : policy.exactOrigins.size > 0,
    );
    for (const target of targets) {
      const name = target.isPattern
        ? origin(target.scheme, `*.${target.host}`, target.port)
        : origin(target.scheme, target.host, target.port);
      it(`refuses ${NEAR_MISSES_PER_ORIGIN} near-misses of ${name} under ${policyName}`, () => {
        let checked = 0;
        fc.assert(
          fc.property(nearMisses(target), (candidate) => {
            // A mutation can land on another allowed entry (e.g. scheme swap): those are legitimate.
            fc.pre(!targets.some((other) => admits(other, candidate)));
            checked++;
            const decision = decide(policy, get(candidate));
            return decision.allowed === false && Object.keys(decision.headers).length === 0;
          }),
          { numRuns: NEAR_MISSES_PER_ORIGIN },
        );
        expect(checked).toBeGreaterThanOrEqual(NEAR_MISSES_PER_ORIGIN);
      });
    }
  }
});

describe('subdomains of a pattern are accepted', () => {
  it('accepts one or more generated labels before each pattern domain', () => {
    const policy = policies['patterns with credentials'] as Policy<true>;
    fc.assert(
      fc.property(
        fc.constantFrom(...patternTargets),
        fc.array(label, { minLength: 1, maxLength: 4 }),
        (target, labels) => {
          const candidate = origin(
            target.scheme,
            `${labels.join('.')}.${target.host}`,
            target.port,
          );
          const decision = decide(policy, get(candidate));
          return decision.allowed && decision.headers['Access-Control-Allow-Origin'] === candidate;
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('the matcher never throws on arbitrary input', () => {
  const bytes = fc
    .uint8Array({ maxLength: 300 })
    .map((array) => Buffer.from(array).toString('latin1'));
  const inputs = {
    'fc.string': fc.string({ maxLength: 300 }),
    'full Unicode strings': fc.string({ unit: 'binary', maxLength: 300 }),
    'random bytes': bytes,
    'origin-shaped strings': fc
      .tuple(fc.constantFrom('http://', 'https://', 'HTTP://', ''), fc.string({ maxLength: 40 }))
      .map(([scheme, rest]) => scheme + rest),
  };
  const reflect = definePolicy({ origins: 'reflect-any' });
  const list = policies['exact origins and patterns mixed'] as Policy<true>;

  for (const [name, arbitrary] of Object.entries(inputs)) {
    it(`never throws and never echoes anything but a serialized origin for ${name}`, () => {
      fc.assert(
        fc.property(arbitrary, arbitrary, (value, other) => {
          expect(typeof isSerializedOrigin(value)).toBe('boolean');
          for (const policy of [reflect, list]) {
            for (const request of [
              get(value),
              { method: 'OPTIONS', origin: value, accessControlRequestMethod: other },
              {
                method: 'OPTIONS',
                origin: 'https://app.example.com',
                accessControlRequestMethod: value,
                accessControlRequestHeaders: other,
              },
            ]) {
              const decision = decide(policy, request);
              const echoed = decision.headers['Access-Control-Allow-Origin'];
              if (echoed !== undefined) expect(isSerializedOrigin(echoed)).toBe(true);
            }
          }
        }),
        { numRuns: 3_000 },
      );
    });
  }

  it('agrees with the WHATWG URL parser: whatever it accepts, URL serializes to the same origin', () => {
    const hostish = fc.string({ unit: fc.constantFrom(...'abz09-_.:[]ABf'), maxLength: 20 });
    fc.assert(
      fc.property(fc.constantFrom('http://', 'https://'), hostish, (scheme, rest) => {
        const candidate = scheme + rest;
        if (!isSerializedOrigin(candidate)) return true;
        return new URL(candidate).origin === candidate;
      }),
      { numRuns: 10_000 },
    );
  });

  it('accepts exactly what the URL parser serializes unchanged, for IPv4, IPv6 and domain hosts with ports', () => {
    const ipv4 = fc
      .array(fc.oneof(fc.nat(300), fc.constantFrom('00', '01', '0x7f')), {
        minLength: 1,
        maxLength: 5,
      })
      .map((parts) => parts.join('.'));
    const group = fc.oneof(
      fc.constant('0'),
      fc.nat(0xffff).map((n) => n.toString(16)),
      fc.constant('00ab'),
    );
    const ipv6 = fc
      .tuple(fc.array(group, { maxLength: 8 }), fc.array(group, { maxLength: 8 }), fc.boolean())
      .map(([head, tail, compress]) =>
        compress ? `[${head.join(':')}::${tail.join(':')}]` : `[${[...head, ...tail].join(':')}]`,
      );
    const domain = fc
      .array(label, { minLength: 1, maxLength: 4 })
      .map((labels) => labels.join('.'));
    const port = fc.option(
      fc.oneof(fc.nat(70_000).map(String), fc.constantFrom('80', '443', '08')),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        fc.oneof(ipv4, ipv6, domain),
        port,
        (scheme, host, chosenPort) => {
          const candidate = origin(scheme, host, chosenPort ?? '');
          // Punycode ("xn--" labels) is not decoded here: a malformed one is syntactically a label, and no browser sends it.
          fc.pre(!/(^|\.)xn--/.test(host));
          let serialized: string | undefined;
          try {
            serialized = new URL(candidate).origin;
          } catch {
            serialized = undefined;
          }
          // Port 0 parses, but no page can be served from it (a Fetch "bad port"): refused on purpose.
          expect(isSerializedOrigin(candidate)).toBe(
            serialized === candidate && chosenPort !== '0',
          );
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
