import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripLabOnly } from './lab-only.mjs';

describe('stripLabOnly', () => {
  it('cuts a Markdown block with its markers and leaves one blank line', () => {
    const text = 'Intro.\n\n<!-- lab-only -->\n\nLab sibling.\n\n<!-- /lab-only -->\n\n## Next\n';
    assert.equal(stripLabOnly('README.md', text), 'Intro.\n\n## Next\n');
  });

  it('cuts JavaScript and YAML blocks marked with their own comments', () => {
    const js = 'a,\n  // lab-only\n  { rules: {} },\n  // /lab-only\n);\n';
    assert.equal(stripLabOnly('eslint.config.mjs', js), 'a,\n);\n');
    assert.equal(stripLabOnly('x.yml', 'a: 1\n# lab-only\nb: 2\n# /lab-only\n'), 'a: 1\n');
  });

  it('leaves a text that only mentions lab-only in passing', () => {
    const text = 'Use a `<!-- lab-only -->` block for it.\n';
    assert.equal(stripLabOnly('README.md', text), text);
  });

  it('refuses an unclosed block, a nested one and a stray end, with the line', () => {
    assert.throws(
      () => stripLabOnly('R.md', 'a\n<!-- lab-only -->\nb'),
      /R\.md:2: .* never closed/,
    );
    assert.throws(
      () => stripLabOnly('R.md', '<!-- lab-only -->\n<!-- lab-only -->'),
      /R\.md:2: lab-only inside another block/,
    );
    assert.throws(() => stripLabOnly('a.mjs', '// /lab-only'), /a\.mjs:1: \/lab-only without/);
  });
});
