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

interface SuffixIndex {
  /** Every rule (`co.uk`, `*.ck`) and its section. */
  readonly rules: ReadonlyMap<string, Section>;
  /** Exception rules without their `!` (`www.ck`), a handful: not public suffixes though a wildcard covers them. */
  readonly exceptions: readonly string[];
  /** Each domain that has a rule below it (`amazonaws.com`), and one such rule. */
  readonly parents: ReadonlyMap<string, string>;
}

let index: SuffixIndex | undefined;

/** Parsed on first use: a policy without subdomain patterns never pays for the list. */
function loadIndex(): SuffixIndex {
  const rules = new Map<string, Section>();
  const exceptions: string[] = [];
  const parents = new Map<string, string>();
  for (const line of PUBLIC_SUFFIX_RULES.split('\n')) {
    const [tld, ...entries] = line.split(' ');
    if (tld === undefined || tld === '') continue;
    rules.set(tld, 'icann');
    for (const entry of entries) {
      const section = entry.startsWith('+') ? 'private' : 'icann';
      const body = section === 'private' ? entry.slice(1) : entry;
      if (body.startsWith('!')) {
        exceptions.push(`${body.slice(1)}.${tld}`);
        continue;
      }
      const rule = `${body}.${tld}`;
      rules.set(rule, section);
      for (let dot = rule.indexOf('.'); dot >= 0; dot = rule.indexOf('.', dot + 1)) {
        const parent = rule.slice(dot + 1);
        if (!parents.has(parent)) parents.set(parent, rule);
      }
    }
  }
  return { rules, exceptions, parents };
}

/**
 * The public suffix that `domain` (lowercase ASCII, e.g. `vercel.app`) is, or the first one found
 * below it (`amazonaws.com` has `*.compute.amazonaws.com`); undefined for a domain someone can
 * own outright, such as `example.com`. Follows the Public Suffix List's algorithm: an exception
 * rule (`!www.ck`) wins, a wildcard (`*.ck`) makes every label under it a suffix, and a single
 * label is always one.
 */
export function publicSuffixCoveredBy(domain: string): PublicSuffixMatch | undefined {
  const { rules, exceptions, parents } = (index ??= loadIndex());
  const firstDot = domain.indexOf('.');
  if (firstDot < 0) return { suffix: domain, section: rules.get(domain) ?? 'icann' };
  // An exception matches the domain itself or any of its parents: a whole-label suffix, '.' before it.
  for (const exception of exceptions) {
    if (
      domain.endsWith(exception) &&
      (domain.length === exception.length || domain[domain.length - exception.length - 1] === '.')
    ) {
      return undefined;
    }
  }
  const exact = rules.get(domain);
  if (exact !== undefined) return { suffix: domain, section: exact };
  const wildcard = rules.get(`*${domain.slice(firstDot)}`);
  if (wildcard !== undefined) return { suffix: domain, section: wildcard };
  const below = parents.get(domain);
  return below === undefined ? undefined : { suffix: below, section: rules.get(below) ?? 'icann' };
}
