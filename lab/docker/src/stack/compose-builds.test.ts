import { describe, expect, it } from 'vitest';
import { imagesToBuild } from './compose-builds.js';

// Shaped like `docker-compose config` (v1 1.29) prints the lab's file: anchors resolved.
const WEB_BUILD = `
    build:
      args:
        API_ORIGIN: http://localhost:41000
        APP_DIR: lab/web
        APP_PACKAGE: '@cors-lab/lab-web'
        EXTRA_CA_CERTS: ''
        NODE_IMAGE: node:20-slim
      context: /repo
      dockerfile: apps/web/Dockerfile`;
const CONFIG = `
services:
  api:
    build:
      args:
        APP_PACKAGE: '@cors-lab/lab-api'
        EXTRA_CA_CERTS: '-----BEGIN CERTIFICATE-----

          QUJD

          -----END CERTIFICATE-----'
        NODE_IMAGE: node:20-slim
      context: /repo
      dockerfile: apps/api/Dockerfile
    image: check/api:1
  web:${WEB_BUILD}
    image: check/web:1
    network_mode: service:api
  web-alt:${WEB_BUILD}
    image: check/web:1
    network_mode: service:api
  cache:
    image: redis:7
`;

describe('imagesToBuild', () => {
  it('builds each image once, with the context, Dockerfile and arguments Compose resolved', () => {
    const images = imagesToBuild(CONFIG);
    expect(images.map((image) => [image.name, image.tag])).toEqual([
      ['api', 'check/api:1'],
      ['web, web-alt', 'check/web:1'],
    ]);
    expect(images[1]).toMatchObject({
      context: '/repo',
      dockerfile: 'apps/web/Dockerfile',
      args: {
        APP_PACKAGE: '@cors-lab/lab-web',
        APP_DIR: 'lab/web',
        API_ORIGIN: 'http://localhost:41000',
      },
    });
    expect(images[0]?.args.EXTRA_CA_CERTS).toBe(
      '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----',
    );
  });

  it('refuses two services that share an image name but build it differently', () => {
    const drifted = CONFIG.replace(/(web-alt:[\s\S]*?APP_DIR: )lab\/web/, '$1apps/web');
    expect(() => imagesToBuild(drifted)).toThrow(
      'Services web and web-alt both name the image check/web:1 but build it differently',
    );
  });

  it('refuses a service that builds without naming its image', () => {
    expect(() => imagesToBuild('services:\n  api:\n    build:\n      context: /repo\n')).toThrow(
      'Service api builds an image but names none',
    );
  });
});
