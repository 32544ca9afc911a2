import { SCANNER_CLASSES } from '@cors-lab/scenarios';
import { generateProbesForList } from '@cors-lab/scenarios';
import type { PolicyOptions } from '@cors-lab/cors-policy';

/** One request of the conformance set, as a browser (or a scanner) would send it. */
export interface ConformanceRequest {
  /** What the request checks, e.g. `allowed`, `preflight-header-refused`, `scanner:prefix`. */
  label: string;
  method: string;
  origin: string | undefined;
  accessControlRequestMethod?: string;
  accessControlRequestHeaders?: string;
}

const FALLBACK_ORIGINS = ['https://app.example.com'];

/**
 * The conformance set for one policy: a request without Origin, then for each origin it allows
 * (exact, and one and two labels in front of each pattern's domain) an actual request and four
 * preflights; then every scanner-class origin crafted from its allow-list, sent as an actual
 * request and as a preflight.
 */
export function conformanceRequests(options: PolicyOptions): ConformanceRequest[] {
  const list = Array.isArray(options.origins) ? (options.origins as string[]) : FALLBACK_ORIGINS;
  const allowed = list.flatMap((entry) =>
    entry.includes('*.') ? [entry.replace('*.', 'a.'), entry.replace('*.', 'b-1.c_2.')] : [entry],
  );
  if (options.allowNullOrigin) allowed.push('null');
  const requests: ConformanceRequest[] = [{ label: 'no-origin', method: 'GET', origin: undefined }];
  for (const origin of allowed) {
    requests.push({ label: 'allowed', method: 'GET', origin }, ...preflights(origin, 'allowed'));
  }
  const probes = generateProbesForList(list);
  for (const scannerClass of SCANNER_CLASSES) {
    for (const probe of probes.filter((each) => each.scannerClass === scannerClass)) {
      const label = `scanner:${scannerClass}`;
      requests.push({ label, method: 'GET', origin: probe.origin });
      requests.push({ ...preflights(probe.origin, label)[0]!, label: `${label}:preflight` });
    }
  }
  return requests;
}

function preflights(origin: string, label: string): ConformanceRequest[] {
  const preflight = (suffix: string, method: string, headers?: string): ConformanceRequest => ({
    label: `${label}:${suffix}`,
    method: 'OPTIONS',
    origin,
    accessControlRequestMethod: method,
    ...(headers === undefined ? {} : { accessControlRequestHeaders: headers }),
  });
  return [
    preflight('preflight-put-json', 'PUT', 'content-type'),
    preflight('preflight-patch-auth', 'PATCH', 'authorization'),
    preflight('preflight-header-refused', 'GET', 'x-not-allowed'),
    preflight('preflight-method-refused', 'PURGE'),
  ];
}
