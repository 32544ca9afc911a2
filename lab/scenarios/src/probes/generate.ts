import {
  isLegitimatelyAllowed,
  originOf,
  parseAllowedEntry,
  type AllowedEntry,
} from './allowed-entry.js';
import { SCANNER_CLASSES, type ScannerClass } from './scanner-classes.js';

/** One crafted Origin value and the allow-list entry it was derived from. */
export interface Probe {
  scannerClass: ScannerClass;
  origin: string;
  /** The allow-list entry the probe imitates. */
  entry: string;
}

/** Printable ASCII a sloppy host check might stop at or skip; space is left out (parsers trim it). */
export const SPECIAL_CHARACTERS = [...'_-~!$&\'()*+,;=%`{}|^"<>[]\\'] as const;

/** Hosting platforms where anyone can get a subdomain: trusting one trusts every tenant. */
export const THIRD_PARTY_HOSTING = [
  'github.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'web.app',
  'firebaseapp.com',
  'azurewebsites.net',
  'cloudfront.net',
  's3.amazonaws.com',
  'ngrok.io',
  'glitch.me',
] as const;

const ATTACKER = 'attacker.net';

/**
 * Every scanner class's crafted origins for one allow-list entry, derived from its scheme, host and
 * port; values the entry legitimately allows are dropped, so each probe must be refused.
 */
export function generateProbes(source: string): Probe[] {
  const entry = parseAllowedEntry(source);
  const seen = new Set<string>();
  const probes: Probe[] = [];
  for (const scannerClass of SCANNER_CLASSES) {
    for (const origin of candidates(scannerClass, entry)) {
      const key = `${scannerClass} ${origin}`;
      if (seen.has(key) || isLegitimatelyAllowed(entry, origin)) continue;
      seen.add(key);
      probes.push({ scannerClass, origin, entry: source });
    }
  }
  return probes;
}

/** The hosts a class mutates: the exact host, or for a pattern one allowed subdomain and the bare domain. */
/**
 * The probes of every entry of one allow-list, minus any value another entry of the same list
 * legitimately allows (a port change of one origin can be the next allowed origin).
 */
export function generateProbesForList(allowList: readonly string[]): Probe[] {
  const entries = allowList.map(parseAllowedEntry);
  return allowList
    .flatMap(generateProbes)
    .filter(({ origin }) => !entries.some((entry) => isLegitimatelyAllowed(entry, origin)));
}

function baseHosts(entry: AllowedEntry): string[] {
  return entry.pattern ? [`www.${entry.host}`, entry.host] : [entry.host];
}

function candidates(scannerClass: ScannerClass, entry: AllowedEntry): string[] {
  const { scheme, port } = entry;
  const otherScheme = scheme === 'https' ? 'http' : 'https';
  const at = (host: string, withPort = port) => originOf(scheme, host, withPort);
  const hosts = baseHosts(entry);
  switch (scannerClass) {
    case 'arbitrary':
      return [`https://${ATTACKER}`, `http://${ATTACKER}`, at(ATTACKER)];
    case 'null':
      return ['null'];
    case 'prefix':
      return hosts.flatMap((host) => [
        at(`${host}.${ATTACKER}`),
        at(`${host}.${ATTACKER}`, ''),
        `${at(host)}.${ATTACKER}`,
      ]);
    case 'suffix':
      return hosts.flatMap((host) => [at(`attacker${host}`), at(`attacker-${host}`)]);
    case 'substring':
      return hosts.flatMap((host) => [
        at(host).slice(0, -1),
        at(host.slice(0, -1)),
        at(host.slice(1)),
        ...parentDomains(host).map((parent) => at(parent)),
      ]);
    case 'unescaped-dot':
      return hosts.flatMap((host) =>
        [...host.matchAll(/\./g)].map(({ index }) =>
          at(`${host.slice(0, index)}x${host.slice(index + 1)}`),
        ),
      );
    case 'special-chars':
      return hosts.flatMap((host) =>
        SPECIAL_CHARACTERS.flatMap((character) => {
          const encoded = `%${character.charCodeAt(0).toString(16).toUpperCase()}`;
          return [
            at(`${host}${character}.${ATTACKER}`),
            at(`${host}${encoded}.${ATTACKER}`),
            `${at(host)}${character}`,
            `${at(host)}${character}.${ATTACKER}`,
          ];
        }),
      );
    case 'any-subdomain':
      // A pattern allows any subdomain on purpose; only exact origins can be widened this way.
      return entry.pattern ? [] : [at(`evil.${entry.host}`), at(`a.b.${entry.host}`)];
    case 'scheme':
      return hosts.map((host) => originOf(otherScheme, host, port));
    case 'port':
      return hosts.flatMap((host) => [
        at(host, port === '' ? '8443' : ''),
        at(host, port === '' ? defaultPort(scheme) : `0${port}`),
        at(host, port === '' ? '1' : String((Number(port) % 65535) + 1)),
      ]);
    case 'case':
      return hosts.flatMap((host) => [
        at(host.toUpperCase()),
        `${scheme.toUpperCase()}://${host}${port === '' ? '' : `:${port}`}`,
        at(host.charAt(0).toUpperCase() + host.slice(1)),
      ]);
    case 'userinfo':
      return hosts.flatMap((host) => [
        `${scheme}://user@${host}${port === '' ? '' : `:${port}`}`,
        `${scheme}://user:pass@${host}${port === '' ? '' : `:${port}`}`,
        `${at(host)}@${ATTACKER}`,
      ]);
    case 'trailing':
      return hosts.flatMap((host) => [
        `${at(host)}/`,
        `${at(host)}/path`,
        `${at(host)}?query`,
        `${at(host)}#fragment`,
        at(`${host}.`),
      ]);
    case 'third-party':
      return hosts.flatMap((host) => {
        const label = firstLabel(host);
        return THIRD_PARTY_HOSTING.flatMap((platform) => [
          `https://${label}.${platform}`,
          `https://${host.replaceAll(/[.:[\]]/g, '-')}.${platform}`,
        ]);
      });
    case 'wildcard-credentials':
      return [at(`credentialed.${ATTACKER}`)];
  }
}

/** `example.com` and `com` for `app.example.com`. */
function parentDomains(host: string): string[] {
  const labels = host.split('.');
  return labels.slice(1).map((_, index) => labels.slice(index + 1).join('.'));
}

function firstLabel(host: string): string {
  const label = host.split('.')[0] ?? '';
  return /^[a-z][a-z0-9-]*$/.test(label) ? label : 'app';
}

function defaultPort(scheme: 'http' | 'https'): string {
  return scheme === 'https' ? '443' : '80';
}
