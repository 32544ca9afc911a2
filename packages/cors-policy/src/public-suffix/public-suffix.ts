import { PUBLIC_SUFFIX_RULES } from './list.generated.js';

export { PUBLIC_SUFFIX_LIST_VERSION } from './list.generated.js';

/** A public suffix that a subdomain pattern's domain is, or has below it. */
export interface PublicSuffixMatch {
  /** The suffix as the list has it, e.g. `vercel.app`, `co.uk` or `*.compute.amazonaws.com`. */
  readonly suffix: string;
  /**
   * The list's section: `icann` for registries (`co.uk`), `private` for hosting providers whose
   * customers each get a subdomain (`github.io`, `vercel.app`).
   */
  readonly section: 'icann' | 'private';
}

type Section = PublicSuffixMatch['section'];

/** What a domain is on the list; `null` marks an exception rule (`www.ck`): not a public suffix. */
type Answer = PublicSuffixMatch | null;

interface SuffixIndex {
  /**
   * The answer for every domain the list names: each rule and TLD (its own match), each exception
   * (`null`), and each domain with a rule below it (`amazonaws.com`: that rule's match).
   */
  readonly answers: ReadonlyMap<string, Answer>;
  /** The domain under each wildcard rule (`ck` for `*.ck`): every label directly below is a suffix. */
  readonly wildcards: ReadonlyMap<string, Section>;
}

let index: SuffixIndex | undefined;

const match = (suffix: string, section: Section): PublicSuffixMatch =>
  Object.freeze({ suffix, section });

/**
 * Built on first use, so a policy without subdomain patterns never pays for the list; afterwards a
 * lookup is one or two hash probes.
 */
function loadIndex(): SuffixIndex {
  const answers = new Map<string, Answer>();
  const wildcards = new Map<string, Section>();
  const exceptions: string[] = [];
  const rules: PublicSuffixMatch[] = [];
  for (const line of PUBLIC_SUFFIX_RULES.split('\n')) {
    const [tld, ...entries] = line.split(' ');
    if (tld === undefined || tld === '') continue;
    answers.set(tld, match(tld, 'icann'));
    for (const entry of entries) {
      const section = entry.startsWith('+') ? 'private' : 'icann';
      const body = section === 'private' ? entry.slice(1) : entry;
      if (body.startsWith('!')) exceptions.push(`${body.slice(1)}.${tld}`);
      else rules.push(match(`${body}.${tld}`, section));
    }
  }
  for (const rule of rules) {
    answers.set(rule.suffix, rule);
    if (rule.suffix.startsWith('*.')) wildcards.set(rule.suffix.slice(2), rule.section);
  }
  // A domain with a rule below it names the first such rule, unless it is a suffix itself (a rule,
  // or one label under a wildcard).
  for (const rule of rules) {
    for (let dot = rule.suffix.indexOf('.'); dot >= 0; dot = rule.suffix.indexOf('.', dot + 1)) {
      const parent = rule.suffix.slice(dot + 1);
      if (answers.has(parent)) continue;
      const above = parent.indexOf('.');
      const wildcard = above < 0 ? undefined : wildcards.get(parent.slice(above + 1));
      answers.set(parent, wildcard === undefined ? rule : match(parent, wildcard));
    }
  }
  // A domain below an exception (`a.www.ck`) then misses both maps: the list has no rule there,
  // which scripts/refresh-public-suffixes.mjs and the property test check.
  for (const exception of exceptions) answers.set(exception, null);
  return { answers, wildcards };
}

/**
 * The public suffix that `domain` (lowercase ASCII, e.g. `vercel.app`) is, or the first one found
 * below it (`amazonaws.com` has `*.compute.amazonaws.com`); undefined for a domain someone can
 * own outright, such as `example.com`. Follows the Public Suffix List's algorithm: an exception
 * rule (`!www.ck`) wins, a wildcard (`*.ck`) makes every label under it a suffix, and a single
 * label is always one.
 */
export function publicSuffixCoveredBy(domain: string): PublicSuffixMatch | undefined {
  const { answers, wildcards } = (index ??= loadIndex());
  const answer = answers.get(domain);
  if (answer !== undefined) return answer ?? undefined;
  const firstDot = domain.indexOf('.');
  if (firstDot < 0) return match(domain, 'icann');
  // Not named by the list: a suffix only one label under a wildcard (`anything.ck`).
  const wildcard = wildcards.get(domain.slice(firstDot + 1));
  return wildcard === undefined ? undefined : match(domain, wildcard);
}
