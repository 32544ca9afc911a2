import { describe, expect, it } from 'vitest';
import { parseBidiMessage } from './bidi/connection.js';
import { bidiAddress, callThroughJson, resultOf, userJs } from './firefox-bidi-engine.js';

describe("the harness's Firefox BiDi engine", () => {
  it("finds the WebSocket address in Firefox's start-up output", () => {
    const output =
      '1764330000000\tgeckodriver\tINFO\tsomething\nWebDriver BiDi listening on ws://127.0.0.1:40313\nRead port: 40313\n';
    expect(bidiAddress(output)).toBe('ws://127.0.0.1:40313');
    expect(bidiAddress('*** You are running in headless mode.\n')).toBeUndefined();
  });

  it('writes preferences as user.js lines, strings quoted', () => {
    expect(userJs({ 'browser.startup.page': 0, 'app.normandy.api_url': '', 'a.b': true })).toBe(
      'user_pref("browser.startup.page", 0);\nuser_pref("app.normandy.api_url", "");\nuser_pref("a.b", true);\n',
    );
  });

  it('runs a page function with its argument and result crossing as JSON text', async () => {
    const add = ({ a, b }: { a: number; b: number }) => ({ sum: a + b });
    // Evaluated here as the page would: the declaration is a function of the JSON text.
    const declared = (0, eval)(callThroughJson(add as never)) as (
      json?: string,
    ) => Promise<unknown>;
    expect(await declared(JSON.stringify({ a: 2, b: 3 }))).toBe('{"sum":5}');
    const nothing = (0, eval)(callThroughJson((() => undefined) as never)) as (
      json?: string,
    ) => Promise<unknown>;
    expect(await nothing(undefined)).toBeUndefined();
  });

  it('reads the result, or throws what the page threw, naming it', () => {
    expect(resultOf({ type: 'success', result: { type: 'string', value: '{"n":1}' } })).toEqual({
      n: 1,
    });
    expect(resultOf({ type: 'success', result: { type: 'undefined' } })).toBeUndefined();
    expect(() =>
      resultOf({ type: 'exception', exceptionDetails: { text: 'TypeError: x is null' } }),
    ).toThrow('The page function threw TypeError: x is null');
    expect(() => resultOf({ type: 'success', result: { type: 'number', value: 3 } })).toThrow(
      'returned a number, not JSON text',
    );
  });

  it('tells results, errors and events apart, and ignores what is not BiDi', () => {
    expect(parseBidiMessage('{"type":"success","id":3,"result":{}}')).toEqual({
      type: 'success',
      id: 3,
      result: {},
    });
    expect(
      parseBidiMessage('{"type":"error","id":4,"error":"no such frame","message":"gone"}'),
    ).toMatchObject({ type: 'error', error: 'no such frame' });
    expect(
      parseBidiMessage('{"type":"event","method":"log.entryAdded","params":{}}'),
    ).toMatchObject({ type: 'event' });
    expect(parseBidiMessage('not json')).toBeUndefined();
    expect(parseBidiMessage('{"id":1}')).toBeUndefined();
  });
});
