import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { servicesOf } from '../compose.mjs';

// Abridged from `docker-compose config` (Compose v1) and `docker compose config` (v2).
const V1 = `services:
  api:
    build:
      context: /work/main
      dockerfile: apps/api/Dockerfile
    healthcheck:
      interval: 10s
      test:
      - CMD
      - node
    ports:
    - published: 8000
      target: 8000
  web:
    depends_on:
      api:
        condition: service_healthy
    build:
      args:
        API_ORIGIN: http://api:8000
      context: /work/main
      dockerfile: apps/web/Dockerfile
version: '3.9'
`;

const V2 = `name: main
services:
  api:
    build:
      context: /work/main
      dockerfile: apps/api/Dockerfile
    depends_on:
      db:
        condition: service_started
        required: true
    networks:
      default: null
    ports:
      - mode: ingress
        target: 8001
        published: "8001"
        protocol: tcp
networks:
  default:
    name: main_default
`;

describe('servicesOf', () => {
  it("reads each service's Dockerfile, build args, ports, health check and health waits from Compose v1 output", () => {
    const services = servicesOf(V1);
    assert.deepEqual([...services.keys()], ['api', 'web']);
    assert.deepEqual(services.get('api'), {
      args: {},
      ports: ['8000'],
      dockerfile: 'apps/api/Dockerfile',
      healthcheck: true,
      waitsForHealthy: [],
    });
    assert.deepEqual(services.get('web')?.args, { API_ORIGIN: 'http://api:8000' });
    assert.equal(services.get('web')?.healthcheck, false);
    assert.deepEqual(services.get('web')?.waitsForHealthy, ['api']);
  });

  it('reads quoted published ports from Compose v2 output and ignores top-level sections', () => {
    const services = servicesOf(V2);
    assert.deepEqual([...services.keys()], ['api']);
    assert.deepEqual(services.get('api')?.ports, ['8001']);
    assert.deepEqual(
      services.get('api')?.waitsForHealthy,
      [],
      'service_started is not a wait for health',
    );
  });
});
