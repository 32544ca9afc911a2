import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseClient, dockerExecutables, type ClientFacts } from './docker-client.js';

// The two clients on a Debian box with a static client first on PATH.
const staticClient: ClientFacts = {
  path: '/usr/local/bin/docker',
  clientVersion: '28.2.2',
  serverVersion: '20.10.24+dfsg1',
  hasCompose: false,
  hasBuildx: false,
};
const engineClient: ClientFacts = {
  path: '/usr/bin/docker',
  clientVersion: '20.10.24+dfsg1',
  serverVersion: '20.10.24+dfsg1',
  hasCompose: false,
  hasBuildx: false,
};

describe('chooseClient', () => {
  it('prefers the client of the same major version as the daemon over one earlier on PATH', () => {
    expect(chooseClient([staticClient, engineClient])?.path).toBe('/usr/bin/docker');
  });

  it('prefers a client with buildx and compose when none matches the daemon', () => {
    const withPlugins = { ...staticClient, path: '/opt/docker', hasBuildx: true, hasCompose: true };
    const bare = { ...staticClient, serverVersion: '27.0.0' };
    expect(chooseClient([bare, { ...withPlugins, serverVersion: '27.0.0' }])?.path).toBe(
      '/opt/docker',
    );
  });

  it('keeps the first on PATH when the clients are equally good, and finds none in none', () => {
    expect(chooseClient([engineClient, { ...engineClient, path: '/b' }])?.path).toBe(
      '/usr/bin/docker',
    );
    expect(chooseClient([])).toBeUndefined();
  });
});

describe('dockerExecutables', () => {
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('lists each docker on PATH once, even when a symlink points at another', () => {
    scratch = mkdtempSync(join(tmpdir(), 'docker-client-'));
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(scratch, name)) as [
      string,
      string,
      string,
    ];
    for (const dir of [a, b, c]) mkdirSync(dir);
    writeFileSync(join(a, 'docker'), '#!/bin/sh\n');
    chmodSync(join(a, 'docker'), 0o755);
    symlinkSync(join(a, 'docker'), join(b, 'docker'));
    const found = dockerExecutables([a, b, c].join(':'));
    expect(found[0]).toBe(join(a, 'docker'));
    expect(found.filter((file) => file.startsWith(scratch))).toEqual([join(a, 'docker')]);
  });
});
