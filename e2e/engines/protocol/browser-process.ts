// A browser started as a process group that prints the address of its remote-control socket: the
// harness waits for that line, and stops the whole group (its helpers too) when done.
import { ProcessGroup } from '@cors-lab/testkit';
import { RpcSocket, type Framing } from './rpc-socket.js';

const LISTEN_TIMEOUT_MS = 60_000;
export const STOP_GRACE_MS = 5_000;

export interface BrowserProcessOptions {
  name: string;
  executablePath: string;
  args: readonly string[];
  env?: Record<string, string>;
  /** Matches the start-up line that holds the socket's address, as its first group. */
  listening: RegExp;
}

/** The address in `text` that `listening` captures, if `text` holds the line. */
export function listeningAddress(text: string, listening: RegExp): string | undefined {
  return listening.exec(text)?.[1];
}

export async function startBrowserProcess(
  options: BrowserProcessOptions,
): Promise<{ browser: ProcessGroup; address: string }> {
  const { name, executablePath, args, env, listening } = options;
  const browser = ProcessGroup.start(name, executablePath, args, { env: env ?? {} });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => fail(`printed no address to connect to within ${LISTEN_TIMEOUT_MS / 1000} s`),
        LISTEN_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        seen = `${seen}${chunk.toString()}`.slice(-8192);
        const found = listeningAddress(seen, listening);
        if (found) settle(() => resolve(found));
      };
      const onExit = (code: number | null, signal: string | null) =>
        fail(`exited (${code ?? signal}) before it listened`);
      const onError = (error: Error) => fail(`could not start: ${error.message}`);
      const settle = (then: () => void) => {
        clearTimeout(timer);
        browser.child.stdout?.off('data', onData);
        browser.child.stderr?.off('data', onData);
        browser.child.off('exit', onExit);
        browser.child.off('error', onError);
        then();
      };
      const fail = (why: string) =>
        settle(() =>
          reject(
            new Error(
              `${name} (${executablePath}) ${why}. Its output:\n${browser.outputTail}\n` +
                'Is it installed? `node provision/run.mjs` in e2e/ installs the engines.',
            ),
          ),
        );
      browser.child.stdout?.on('data', onData);
      browser.child.stderr?.on('data', onData);
      browser.child.once('exit', onExit);
      browser.child.once('error', onError);
    });
    return { browser, address };
  } catch (error) {
    await browser.stop(STOP_GRACE_MS);
    throw error;
  }
}

const CONNECT_TIMEOUT_MS = 30_000;

export interface ConnectedBrowser<Hello> {
  socket: RpcSocket;
  /** What `handshake` answered, e.g. the browser's version. */
  hello: Hello;
  /** Says `farewell`, closes the socket, stops the process group and runs `cleanUp`. */
  stop(): Promise<void>;
}

/**
 * Starts the browser, connects to the address it printed (`socketUrl` of it) with `framing`, and
 * sends its first command (`handshake`). Whatever started is stopped, and `cleanUp` run, if a step
 * fails.
 */
export async function startConnectedBrowser<Hello>(
  options: BrowserProcessOptions & {
    framing: Framing;
    socketUrl?: (address: string) => string;
    handshake: (socket: RpcSocket) => Promise<Hello>;
    /** The command that asks the browser to close, before its process group is stopped. */
    farewell: string;
    /** Removes the profile or folders made for the browser, once it has stopped. */
    cleanUp: () => void;
  },
): Promise<ConnectedBrowser<Hello>> {
  const { framing, socketUrl = (address) => address, handshake, farewell, cleanUp } = options;
  let browser: ProcessGroup | undefined;
  let socket: RpcSocket | undefined;
  const stop = async () => {
    await socket?.send(farewell).catch(() => undefined);
    socket?.close();
    await browser?.stop(STOP_GRACE_MS);
    cleanUp();
  };
  try {
    const started = await startBrowserProcess(options);
    browser = started.browser;
    socket = await RpcSocket.open(socketUrl(started.address), framing, CONNECT_TIMEOUT_MS);
    return { socket, hello: await handshake(socket), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
