import { describe, expect, it } from 'vitest';
import { packageFields, releaseSha256 } from './compose-plugin-debian.js';

// The layout of Debian's InRelease and Packages files (deb822), shortened.
const RELEASE = `Origin: Debian
Codename: trixie
MD5Sum:
 203e1451a4c2e0edf3646a5da3cec2d8  9679304 main/binary-amd64/Packages.xz
SHA256:
 1111111111111111111111111111111111111111111111111111111111111111  1234 main/binary-amd64/Packages
 be3d7d96a040eda0505c1808cccc67f183bbc05dff0842c50f88e6c396557412  9679304 main/binary-amd64/Packages.xz
Acquire-By-Hash: yes
`;

const PACKAGES = `Package: docker-buildx
Version: 0.13.1+ds1-3
Filename: pool/main/d/docker-buildx/docker-buildx_0.13.1+ds1-3_amd64.deb

Package: docker-compose
Version: 2.26.1-4
Depends: libc6 (>= 2.34)
Filename: pool/main/d/docker-compose/docker-compose_2.26.1-4_amd64.deb
SHA256: 47681197cb2b1ab88206b42a1a92fc75f50d9530a6322d03494a473eed0408ea
`;

describe('releaseSha256', () => {
  it('takes the SHA256 section, not the MD5Sum one, for the exact file', () => {
    expect(releaseSha256(RELEASE, 'main/binary-amd64/Packages.xz')).toBe(
      'be3d7d96a040eda0505c1808cccc67f183bbc05dff0842c50f88e6c396557412',
    );
  });

  it('names a file the Release does not list', () => {
    expect(() => releaseSha256(RELEASE, 'main/binary-arm64/Packages.xz')).toThrow(
      /no SHA256 for main\/binary-arm64\/Packages.xz/,
    );
  });
});

describe('packageFields', () => {
  it("returns the named package's stanza only", () => {
    const fields = packageFields(PACKAGES, 'docker-compose');
    expect(fields.Version).toBe('2.26.1-4');
    expect(fields.Filename).toBe('pool/main/d/docker-compose/docker-compose_2.26.1-4_amd64.deb');
    expect(fields.Depends).toBe('libc6 (>= 2.34)');
  });

  it('names a package the index lacks', () => {
    expect(() => packageFields(PACKAGES, 'docker-cli')).toThrow(/no package docker-cli/);
  });
});
