// The shipped list against the library it was generated from (tldts answers with its own lookup
// code, not ours): every public suffix is refused as a pattern, registrable domains are accepted.
import fc from 'fast-check';
import { getDomain, getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../define-policy.js';
import { PUBLIC_SUFFIX_LIST_VERSION, PUBLIC_SUFFIX_RULES } from './list.generated.js';
import { publicSuffixCoveredBy } from './public-suffix.js';

const ALL_SECTIONS = { allowPrivateDomains: true } as const;
/** A label no list entry uses, so a domain under it is registrable and has no rule below it. */
const FRESH_LABEL = 'zq-cors-lab-fresh';

interface Entry {
  readonly rule: string;
  readonly exception: boolean;
  readonly section: 'icann' | 'private';
}

/** The list's entries as rules, read line by line from the generated text. */
const entries: Entry[] = PUBLIC_SUFFIX_RULES.split('\n')
  .filter((line) => line !== '')
  .flatMap((line) => {
    const [tld = '', ...rest] = line.split(' ');
    return [
      { rule: tld, exception: false, section: 'icann' as const },
      ...rest.map((entry) => {
        const section = entry.startsWith('+') ? ('private' as const) : ('icann' as const);
        const body = entry.replace(/^\+/, '');
        return {
          rule: `${body.replace(/^!/, '')}.${tld}`,
          exception: body.startsWith('!'),
          section,
        };
      }),
    ];
  });
const suffixes = entries.filter((entry) => !entry.exception);
/** A wildcard label stands for any label: the property picks a fresh one. */
const instantiate = (rule: string): string => rule.replace(/^\*/, FRESH_LABEL);

function refusal(origin: string): string | undefined {
  try {
    definePolicy({ origins: [origin], credentials: true });
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe(`the shipped Public Suffix List (${PUBLIC_SUFFIX_LIST_VERSION.source}, ${PUBLIC_SUFFIX_LIST_VERSION.published})`, () => {
  it('has both sections, wildcards and exceptions, in ASCII as browsers send hosts', () => {
    expect(entries).toHaveLength(PUBLIC_SUFFIX_LIST_VERSION.entries);
    expect(suffixes.filter((entry) => entry.section === 'private').length).toBeGreaterThan(3000);
    expect(entries.filter((entry) => entry.exception).map((entry) => entry.rule)).toContain(
      'www.ck',
    );
    expect(suffixes.map((entry) => entry.rule)).toEqual(
      expect.arrayContaining(['co.uk', 'github.io', 'vercel.app', '*.ck', 'xn--55qx5d.cn']),
    );
    expect(entries.filter((entry) => /[^\x20-\x7e]/.test(entry.rule))).toEqual([]);
  });

  it('has no rule at or below an exception, as the lookup assumes', () => {
    const exceptions = entries.filter((entry) => entry.exception).map((entry) => entry.rule);
    const below = suffixes.filter((entry) =>
      exceptions.some((exception) => entry.rule.endsWith(`.${exception}`)),
    );
    expect(below).toEqual([]);
  });

  it('answers wildcards and their exceptions as the list prescribes', () => {
    expect(publicSuffixCoveredBy('anything.ck')).toEqual({
      suffix: 'anything.ck',
      section: 'icann',
    });
    expect(publicSuffixCoveredBy('www.ck')).toBeUndefined();
    expect(publicSuffixCoveredBy('app.www.ck')).toBeUndefined();
    expect(publicSuffixCoveredBy('city.kawasaki.jp')).toBeUndefined();
    expect(publicSuffixCoveredBy('shop.city.kawasaki.jp')).toBeUndefined();
    expect(publicSuffixCoveredBy('town.kawasaki.jp')).toEqual({
      suffix: 'town.kawasaki.jp',
      section: 'icann',
    });
    expect(publicSuffixCoveredBy('zq-cors-lab-fresh')).toEqual({
      suffix: 'zq-cors-lab-fresh',
      section: 'icann',
    });
  });

  it('agrees with tldts: every entry, wildcards filled in, is a public suffix there', () => {
    const disagreements = suffixes
      .map((entry) => instantiate(entry.rule))
      .filter((suffix) => getPublicSuffix(suffix, ALL_SECTIONS) !== suffix);
    expect(disagreements).toEqual([]);
  });

  it('refuses every public suffix of the list as a subdomain pattern', () => {
    const accepted = suffixes.filter((entry) => {
      const code = refusal(`https://*.${instantiate(entry.rule)}`);
      return code !== 'pattern-public-suffix' && code !== 'pattern-too-broad';
    });
    expect(accepted.map((entry) => entry.rule)).toEqual([]);
  });

  it('accepts a pattern over each exception rule, which tldts says is registrable', () => {
    for (const entry of entries.filter((candidate) => candidate.exception)) {
      expect(getDomain(entry.rule, ALL_SECTIONS)).toBe(entry.rule);
      expect(refusal(`https://*.${entry.rule}`)).toBeUndefined();
    }
  });

  it('accepts ordinary registrable domains under any suffix of the list', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...suffixes),
        fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/),
        (entry, label) => {
          const domain = `${FRESH_LABEL}${label}.${instantiate(entry.rule)}`;
          fc.pre(getDomain(domain, ALL_SECTIONS) === domain);
          expect(publicSuffixCoveredBy(domain)).toBeUndefined();
          expect(refusal(`https://*.${domain}`)).toBeUndefined();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses the public suffix tldts finds for any host under the list', () => {
    fc.assert(
      fc.property(fc.constantFrom(...suffixes), (entry) => {
        const suffix = getPublicSuffix(`a.b.${instantiate(entry.rule)}`, ALL_SECTIONS) ?? '';
        expect(publicSuffixCoveredBy(suffix)).toMatchObject({ suffix });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a domain that has a public suffix below it, naming that suffix', () => {
    expect(publicSuffixCoveredBy('amazonaws.com')).toMatchObject({ section: 'private' });
    expect(publicSuffixCoveredBy('amazonaws.com')?.suffix).toMatch(/\.amazonaws\.com$/);
    expect(publicSuffixCoveredBy('azurestaticapps.net')).toEqual({
      suffix: 'azurestaticapps.net',
      section: 'private',
    });
    expect(publicSuffixCoveredBy('kawasaki.jp')).toMatchObject({ section: 'icann' });
  });

  it('tells the sections apart', () => {
    expect(publicSuffixCoveredBy('co.uk')).toEqual({ suffix: 'co.uk', section: 'icann' });
    expect(publicSuffixCoveredBy('github.io')).toEqual({ suffix: 'github.io', section: 'private' });
    expect(publicSuffixCoveredBy('example.com')).toBeUndefined();
  });
});
