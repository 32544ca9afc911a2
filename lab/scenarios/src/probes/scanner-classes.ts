/** The classes of crafted Origin values public CORS scanners send (docs/cors-reference.md, "How misconfigured servers are attacked"). */
export const SCANNER_CLASSES = [
  'arbitrary',
  'null',
  'prefix',
  'suffix',
  'substring',
  'unescaped-dot',
  'special-chars',
  'any-subdomain',
  'scheme',
  'port',
  'case',
  'userinfo',
  'trailing',
  'third-party',
  'wildcard-credentials',
] as const;

export type ScannerClass = (typeof SCANNER_CLASSES)[number];

export const SCANNER_CLASS_TITLES: Readonly<Record<ScannerClass, string>> = {
  arbitrary: 'arbitrary origin reflected',
  null: '`null` trusted',
  prefix: 'prefix match (allowed.com.attacker.net)',
  suffix: 'suffix match (attackerallowed.com)',
  substring: 'substring match (allowed.co, parent domain)',
  'unescaped-dot': 'unescaped dot in a regex (wwwxallowed.com)',
  'special-chars': 'special characters after the host, raw and %-encoded',
  'any-subdomain': 'any subdomain of an exact origin',
  scheme: 'http:// for https:// and vice versa',
  port: 'other, missing or explicit default port',
  case: 'upper-case scheme or host',
  userinfo: 'userinfo around the allowed host',
  trailing: 'trailing slash, path, query, fragment, dot',
  'third-party': 'third-party hosting origins',
  'wildcard-credentials': '`*` with credentials on credentialed data',
};
