import { configOrExit, listenAll } from '@cors-lab/api/listen';
import { ensureCertificates } from '@cors-lab/tls';
import { createLabApp } from './app.js';
import { readConfig } from './config.js';
import { RequestLog } from './log/request-log.js';

const config = configOrExit('lab-api', () => readConfig(process.env));
const log = new RequestLog({ capacity: config.logCapacity });
const { origins, thirdPartyApiKey } = config;
// The lab's CA and server certificate, created under .certs/ on first start.
const { cert, key } = await ensureCertificates({
  extraHosts: [origins['api-tls'], origins['api-tls-alt-host']].map((origin) =>
    new URL(origin).hostname.replace(/^\[|\]$/g, ''),
  ),
});
listenAll('lab-api', [
  {
    name: 'main',
    port: config.port,
    portVariable: 'PORT',
    handler: createLabApp({
      policy: config.policy,
      origins,
      log,
      listener: 'main',
      thirdPartyApiKey,
    }),
  },
  {
    name: 'alt',
    port: config.altPort,
    portVariable: 'ALT_PORT',
    handler: createLabApp({
      policy: config.altPolicy,
      origins,
      log,
      listener: 'alt',
      thirdPartyApiKey,
    }),
  },
  {
    name: 'tls',
    port: config.tlsPort,
    portVariable: 'API_TLS_PORT',
    handler: createLabApp({
      policy: config.policy,
      origins,
      log,
      listener: 'tls',
      thirdPartyApiKey,
    }),
    tls: { cert, key },
  },
]);
