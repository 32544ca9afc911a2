import { createApp } from './app.js';
import { readConfig } from './config.js';
import { configOrExit, listenAll } from './listen.js';

const config = configOrExit('api', () => readConfig(process.env));
listenAll('api', [
  { name: 'api', port: config.port, portVariable: 'PORT', handler: createApp(config) },
]);
