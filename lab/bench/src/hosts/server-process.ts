// Starts a measured server (the Node host or `next start`), plain or under callgrind, and talks to
// it over IPC: CPU time used so far, and counted windows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessGroup, freePort } from '@cors-lab/testkit';
import { COUNTED_NODE_FLAGS, callgrindArgs, takeLatestDump } from '../measure/callgrind.js';
import { NEXT_APP_DIR, NEXT_BIN } from './next-build.js';

/** A day: longer than any bench run keeps a connection idle. */
const NEXT_KEEP_ALIVE_MS = 24 * 60 * 60 * 1000;
const CONTROL = fileURLToPath(new URL('./bench-control.mjs', import.meta.url));
const NODE_HOST = fileURLToPath(new URL('./node-host.ts', import.meta.url));
// Start-up under callgrind runs about fifty times slower than plain.
const START_TIMEOUT_MS = { plain: 60_000, counted: 15 * 60_000 };

export type HostSpec =
  { kind: 'node'; served: { key: string; target: string; origins: number }[] } | { kind: 'next' };

export interface Window {
  instructions: number;
  allocatedBytes: number;
  /** Garbage collections inside the window (0 expected). */
  collections: number;
  /** V8's name for each of them (Scavenge, MarkSweepCompact, ...), for the log. */
  collectionTypes: string[];
}

interface ControlReply {
  benchControl: string;
  cpuMicros?: number;
  allocatedBytes?: number;
  collections?: number;
  collectionTypes?: string[];
  ports?: Record<string, number>;
}

export class ServerProcess {
  private constructor(
    private readonly group: ProcessGroup,
    /** Base URL per served key (the Node host) or `next` (the Next.js app). */
    readonly baseUrls: ReadonlyMap<string, string>,
    private readonly dumpDir: string | undefined,
  ) {}

  static async start(spec: HostSpec, counted: boolean): Promise<ServerProcess> {
    const dumpDir = counted ? mkdtempSync(join(tmpdir(), 'cors-lab-callgrind-')) : undefined;
    const nodeFlags = ['--import', CONTROL, ...(counted ? COUNTED_NODE_FLAGS : [])];
    const port = spec.kind === 'next' ? await freePort('127.0.0.1') : 0;
    const nodeArgs =
      spec.kind === 'node'
        ? [
            ...nodeFlags,
            '--import',
            import.meta.resolve('tsx'),
            NODE_HOST,
            JSON.stringify(spec.served),
          ]
        : [
            ...nodeFlags,
            NEXT_BIN,
            'start',
            NEXT_APP_DIR,
            '--port',
            String(port),
            '--hostname',
            '127.0.0.1',
            // As the Node host's keepAliveTimeout = 0 (Next takes no 0): a case's connection idles
            // for minutes under callgrind while the others are counted, and a server closing it
            // as the next request arrives failed a run with ECONNRESET.
            '--keepAliveTimeout',
            String(NEXT_KEEP_ALIVE_MS),
          ];
    const [command, args] = dumpDir
      ? ['valgrind', [...callgrindArgs(dumpDir), process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    const group = ProcessGroup.start(
      `${spec.kind} server${counted ? ' under callgrind' : ''}`,
      command,
      args,
      {
        cwd: spec.kind === 'next' ? NEXT_APP_DIR : undefined,
        // NODE_ENV=production is how Express and Next run in the wild.
        env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
        ipc: true,
      },
    );
    const timeout = counted ? START_TIMEOUT_MS.counted : START_TIMEOUT_MS.plain;
    try {
      if (spec.kind === 'next') {
        const base = `http://127.0.0.1:${port}`;
        await group.waitForHttp(`${base}/bare`, timeout);
        return new ServerProcess(group, new Map([['next', base]]), dumpDir);
      }
      const ready = await reply(group, 'ready', timeout);
      const urls = Object.entries(ready.ports ?? {}).map(
        ([key, p]) => [key, `http://127.0.0.1:${p}`] as const,
      );
      return new ServerProcess(group, new Map(urls), dumpDir);
    } catch (error) {
      await group.stop();
      if (dumpDir) rmSync(dumpDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** User + system CPU time the server has used so far, in microseconds. */
  async cpuMicros(): Promise<number> {
    return (await this.ask('cpu')).cpuMicros ?? NaN;
  }

  /** A full garbage collection in the server (uncounted). */
  async collect(): Promise<void> {
    await this.ask('collect');
  }

  /** Zeroes callgrind's counters after a scavenge; what follows until windowEnd() is counted. */
  async windowStart(): Promise<void> {
    await this.ask('window-start');
  }

  async windowEnd(): Promise<Window> {
    if (!this.dumpDir) throw new Error('windowEnd() needs a server started under callgrind.');
    const {
      allocatedBytes = NaN,
      collections = NaN,
      collectionTypes = [],
    } = await this.ask('window-end');
    return {
      instructions: takeLatestDump(this.dumpDir, this.group.pid),
      allocatedBytes,
      collections,
      collectionTypes,
    };
  }

  async stop(): Promise<void> {
    await this.group.stop();
    if (this.dumpDir) rmSync(this.dumpDir, { recursive: true, force: true });
  }

  private ask(command: string): Promise<ControlReply> {
    this.group.child.send({ benchControl: command });
    return reply(this.group, command, 10 * 60_000);
  }
}

function reply(group: ProcessGroup, command: string, timeoutMs: number): Promise<ControlReply> {
  const { child } = group;
  return new Promise((resolve, reject) => {
    const onMessage = (message: ControlReply) => {
      if (message?.benchControl !== command) return;
      done();
      resolve(message);
    };
    const onExit = () => {
      done();
      reject(
        new Error(
          `${group.name} exited while the bench waited for "${command}":\n${group.outputTail}`,
        ),
      );
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `${group.name} did not answer "${command}" within ${timeoutMs} ms:\n${group.outputTail}`,
        ),
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
