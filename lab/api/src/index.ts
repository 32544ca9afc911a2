import { configOrExit, listenAll } from '@cors-lab/api/listen';
import { createLabApp } from './app.js';
import { readConfig } from './config.js';
import { RequestLog } from './log/request-log.js';

const config = configOrExit('lab-api', () => readConfig(process.env));
const log = new RequestLog({ capacity: config.logCapacity });
const { origins } = config;
listenAll('lab-api', [
  {
    name: 'main',
    port: config.port,
    portVariable: 'PORT',
    handler: createLabApp({ policy: config.policy, origins, log, listener: 'main' }),
  },
  {
    name: 'alt',
    port: config.altPort,
    portVariable: 'ALT_PORT',
    handler: createLabApp({ policy: config.altPolicy, origins, log, listener: 'alt' }),
  },
]);
