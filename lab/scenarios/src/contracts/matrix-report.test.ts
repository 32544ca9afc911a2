import { describe, expect, it } from 'vitest';
import { scriptJson } from './matrix-report.js';

describe('scriptJson', () => {
  it('escapes < so a value containing </script> cannot end the results element early', () => {
    const json = scriptJson({ error: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ error: '</script><script>alert(1)</script>' });
  });
});
