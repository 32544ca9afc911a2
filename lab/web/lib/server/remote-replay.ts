// The server-side replay behind /lab's "your server" target: the page cannot read the headers of a
// blocked response, so this server sends the same exchange with the page's origin and the doctor
// judges it. Not an open proxy: off in production unless LAB_REMOTE_TARGETS says otherwise,
// loopback hosts only by default, bounded in time and bytes, never with the visitor's cookies.

/** Per exchange: the doctor gives up on a server that takes longer. */
export const REPLAY_TIMEOUT_MS = 5000;
/** Response body bytes read per exchange. */
export const REPLAY_MAX_BODY_BYTES = 64 * 1024;
/** The largest replay request this route reads. */
export const REPLAY_MAX_REQUEST_BYTES = 16 * 1024;

export type ReplayScope =
  | { kind: 'off'; why: string }
  | { kind: 'loopback' }
  | { kind: 'hosts'; hosts: ReadonlySet<string> }
  | { kind: 'any' };

/**
 * LAB_REMOTE_TARGETS: unset means loopback in development and off otherwise; `loopback`, `any`,
 * or a comma-separated list of host names allowed besides loopback (`api.example.com,10.0.0.5`).
 */
export function replayScope(env: Readonly<Record<string, string | undefined>>): ReplayScope {
  const setting = env.LAB_REMOTE_TARGETS?.trim() ?? '';
  if (setting === '') {
    return env.NODE_ENV === 'development'
      ? { kind: 'loopback' }
      : {
          kind: 'off',
          why: 'The server-side replay is off in a production build. Set LAB_REMOTE_TARGETS=loopback (or a list of host names) to turn it on.',
        };
  }
  if (setting === 'loopback') return { kind: 'loopback' };
  if (setting === 'any') return { kind: 'any' };
  const hosts = setting.split(',').map((host) => host.trim().toLowerCase());
  const bad = hosts.find((host) => !/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host));
  if (bad !== undefined) {
    return {
      kind: 'off',
      why: `LAB_REMOTE_TARGETS=${JSON.stringify(setting)}: ${JSON.stringify(bad)} is not a host name. Write loopback, any, or host names separated by commas.`,
    };
  }
  return { kind: 'hosts', hosts: new Set(hosts) };
}

/** Loopback names and addresses: the machine the lab runs on. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** Why `url` may not be replayed under `scope`, or undefined when it may. */
export function replayRefusal(scope: ReplayScope, url: URL): string | undefined {
  if (scope.kind === 'off') return scope.why;
  if (scope.kind === 'any' || isLoopbackHost(url.hostname)) return undefined;
  if (scope.kind === 'hosts' && scope.hosts.has(url.hostname)) return undefined;
  return `${url.hostname} is not a loopback host, and the replay reaches only those${scope.kind === 'hosts' ? ` and ${[...scope.hosts].join(', ')}` : ''}. Add it to LAB_REMOTE_TARGETS (comma-separated host names) on the lab's server, or run cors-doctor from your own machine.`;
}
