import { describe, expect, it } from 'vitest';
import { bidiResult, userJs } from './firefox-bidi-engine.js';

describe("the harness's Firefox BiDi engine", () => {
  it('writes preferences as user.js lines, strings quoted', () => {
    expect(userJs({ 'browser.startup.page': 0, 'app.normandy.api_url': '', 'a.b': true })).toBe(
      'user_pref("browser.startup.page", 0);\nuser_pref("app.normandy.api_url", "");\nuser_pref("a.b", true);\n',
    );
  });

  it('reads the result, or throws what the page threw, naming it', () => {
    expect(bidiResult({ type: 'success', result: { type: 'string', value: '{"n":1}' } })).toEqual({
      n: 1,
    });
    expect(bidiResult({ type: 'success', result: { type: 'undefined' } })).toBeUndefined();
    expect(() =>
      bidiResult({ type: 'exception', exceptionDetails: { text: 'TypeError: x is null' } }),
    ).toThrow('The page function threw TypeError: x is null');
  });
});
