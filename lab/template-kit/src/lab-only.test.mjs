import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripLabOnly } from './lab-only.mjs';

describe('stripLabOnly', () => {
  it('cuts each block with its markers and leaves one blank line', () => {
    const text = 'Intro.\n\n<!-- lab-only -->\n\nLab sibling.\n\n<!-- /lab-only -->\n\n## Next\n';
    assert.equal(stripLabOnly('README.md', text), 'Intro.\n\n## Next\n');
  });

  it('refuses an unclosed block and a stray end, with the line', () => {
    assert.throws(
      () => stripLabOnly('R.md', 'a\n<!-- lab-only -->\nb'),
      /R\.md:2: .* is never closed/,
    );
    assert.throws(() => stripLabOnly('R.md', '<!-- /lab-only -->'), /R\.md:1: .* without/);
  });
});
