import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../testing/scripted-server.js';
import { scan } from './scan.js';

const FRONT_END = 'https://app.example.com';
const servers: ScriptedServer[] = [];
const limits = { timeoutMs: 5000, maxBodyBytes: 1024, delayMs: 0, stack: 'auto' as const };

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('scan', () => {
  it('flags a server that reflects any origin with credentials, one request at a time', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const server = await startScriptedServer(({ headers }) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      queueMicrotask(() => inFlight--);
      return {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': String(headers.origin),
          'Access-Control-Allow-Credentials': 'true',
          'X-Powered-By': 'Express',
        },
      };
    });
    servers.push(server);
    const report = await scan(`${server.origin}/api/me`, FRONT_END, limits);
    expect(report.grantedClasses).toEqual(
      expect.arrayContaining(['arbitrary', 'null', 'prefix', 'suffix', 'scheme']),
    );
    expect(report.probes.find((probe) => probe.scannerClass === 'null')?.withCredentials).toBe(
      true,
    );
    expect(server.received).toHaveLength(report.probes.length + 1);
    expect(mostInFlight).toBe(1);
    expect(report.fix).toContain(`origin: ['${FRONT_END}'],`);
  });

  it('finds nothing on a server that allows only the exact origin', async () => {
    const server = await startScriptedServer(({ headers }) => ({
      status: 200,
      headers:
        headers.origin === FRONT_END
          ? { 'Access-Control-Allow-Origin': FRONT_END, Vary: 'Origin' }
          : {},
    }));
    servers.push(server);
    const report = await scan(`${server.origin}/`, FRONT_END, limits);
    expect(report.baseline.granted).toBe(true);
    expect(report.grantedClasses).toEqual([]);
    expect(report.fix).toBe('');
  });
});
