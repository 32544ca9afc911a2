import { describe, expect, it } from 'vitest';
import { listeningAddress, startBrowserProcess } from './browser-process.js';
import { callThroughJson, fromJsonText } from './json-call.js';
import { BIDI, CDP } from './rpc-socket.js';

describe("the harness's own protocol clients", () => {
  it("find the socket's address in a browser's start-up output", () => {
    const firefox = /WebDriver BiDi listening on (ws:\/\/\S+)/;
    expect(
      listeningAddress(
        '*** You are running in headless mode.\nWebDriver BiDi listening on ws://127.0.0.1:40313\nRead port: 40313\n',
        firefox,
      ),
    ).toBe('ws://127.0.0.1:40313');
    expect(listeningAddress('*** You are running in headless mode.\n', firefox)).toBeUndefined();
  });

  it('run a page function with its argument and result crossing as JSON text', async () => {
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
    expect(fromJsonText({ type: 'string', value: '[1]' })).toEqual([1]);
    expect(() => fromJsonText({ type: 'number', value: 3 })).toThrow(
      'returned a number, not JSON text',
    );
  });

  it('frame WebDriver BiDi commands and tell answers from events', () => {
    expect(JSON.parse(BIDI.encode(3, 'session.new', { capabilities: {} }))).toEqual({
      id: 3,
      method: 'session.new',
      params: { capabilities: {} },
    });
    expect(BIDI.answer({ type: 'success', id: 3, result: { a: 1 } })).toEqual({
      id: 3,
      result: { a: 1 },
    });
    expect(BIDI.answer({ type: 'error', id: 4, error: 'no such frame', message: 'gone' })).toEqual({
      id: 4,
      error: { code: 'no such frame', message: 'gone' },
    });
    expect(BIDI.answer({ type: 'event', method: 'log.entryAdded', params: {} })).toBeUndefined();
    expect(BIDI.answer({ type: 'error', id: null, error: 'invalid argument' })).toBeUndefined();
  });

  it('frame CDP commands, with a session where given, and tell answers from events', () => {
    expect(JSON.parse(CDP.encode(5, 'Page.navigate', { url: 'about:blank' }, 'S1'))).toEqual({
      id: 5,
      method: 'Page.navigate',
      params: { url: 'about:blank' },
      sessionId: 'S1',
    });
    expect(JSON.parse(CDP.encode(6, 'Browser.getVersion', {}))).not.toHaveProperty('sessionId');
    expect(CDP.answer({ id: 5, result: { frameId: 'F' } })).toEqual({
      id: 5,
      result: { frameId: 'F' },
    });
    expect(CDP.answer({ id: 6, error: { code: -32000, message: 'No target' } })).toEqual({
      id: 6,
      error: { code: '-32000', message: 'No target' },
    });
    expect(CDP.answer({ method: 'Target.targetCreated', params: {} })).toBeUndefined();
  });

  it('start a browser process and read the address it prints, or say at once why not', async () => {
    const listening = /DevTools listening on (ws:\/\/\S+)/;
    const { browser, address } = await startBrowserProcess({
      name: 'Stand-in',
      executablePath: process.execPath,
      args: [
        '-e',
        "console.error('DevTools listening on ws://127.0.0.1:9/devtools/browser/x'); setInterval(() => {}, 1000);",
      ],
      listening,
    });
    expect(address).toBe('ws://127.0.0.1:9/devtools/browser/x');
    expect(browser.alive).toBe(true);
    await browser.stop(1_000);
    expect(browser.alive).toBe(false);

    const started = Date.now();
    await expect(
      startBrowserProcess({
        name: 'Chromium',
        executablePath: '/nonexistent/chromium',
        args: [],
        listening,
      }),
    ).rejects.toThrow(
      'Chromium (/nonexistent/chromium) could not start: spawn /nonexistent/chromium ENOENT',
    );
    await expect(
      startBrowserProcess({
        name: 'Firefox',
        executablePath: process.execPath,
        args: ['-e', 'process.exit(3)'],
        listening,
      }),
    ).rejects.toThrow('exited (3) before it listened');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
