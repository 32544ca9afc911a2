import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planStack } from './plan.js';

const COMPOSE_FILE = new URL('../../../../docker-compose.yml', import.meta.url);
const plan = planStack({
  ports: [41000, 41001, 41002, 41003, 41004, 41005, 41006, 41007, 41008],
  apiImage: 'check/api:1',
  webImage: 'check/web:1',
});

describe('planStack', () => {
  it('sets every variable docker-compose.yml reads, so no .env file or shell variable leaks into a run', () => {
    const compose = readFileSync(COMPOSE_FILE, 'utf8');
    const read = new Set([...compose.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((match) => match[1]));
    const unset = [...read].filter((name) => name && !(name in plan.composeEnv));
    expect(read.size).toBeGreaterThan(10);
    expect(unset).toEqual([]);
  });

  it('publishes each port under its own number and builds the origins on them', () => {
    expect(plan.composeEnv).toMatchObject({
      PORT: '41000',
      ALT_PORT: '41001',
      API_TLS_PORT: '41002',
      WEB_PORT: '41003',
      WEB_ALT_PORT: '41004',
      API_IMAGE: 'check/api:1',
      WEB_IMAGE: 'check/web:1',
    });
    expect(plan.originsEnv).toEqual({
      WEB_ORIGIN: 'http://localhost:41003',
      WEB_ALT_PORT_ORIGIN: 'http://localhost:41004',
      WEB_ALT_HOST_ORIGIN: 'http://127.0.0.1:41003',
      WEB_PUBLIC_ORIGIN: 'http://127.0.0.2:41003',
      WEB_TLS_ORIGIN: 'https://localhost:41005',
      API_ORIGIN: 'http://localhost:41000',
      API_ALT_PORT_ORIGIN: 'http://localhost:41001',
      API_ALT_HOST_ORIGIN: 'http://127.0.0.1:41000',
      API_TLS_ORIGIN: 'https://localhost:41002',
      API_TLS_ALT_HOST_ORIGIN: 'https://127.0.0.1:41002',
      CLOSED_PORT_ORIGIN: 'http://localhost:41005',
      FLASK_ORIGIN: 'http://localhost:41006',
      NGINX_ORIGIN: 'http://localhost:41007',
      VITE_ORIGIN: 'http://localhost:41008',
    });
  });
});
