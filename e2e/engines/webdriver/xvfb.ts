// A private X display for WebKitGTK: Xvfb picks a free display number itself (-displayfd).
import { ProcessGroup } from '@cors-lab/testkit';
import type { Readable } from 'node:stream';

export interface XDisplay {
  /** The DISPLAY value, e.g. `:99`. */
  display: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

export async function startXvfb(xvfbPath: string): Promise<XDisplay> {
  const group = ProcessGroup.start(
    'Xvfb',
    xvfbPath,
    ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    { extraPipes: ['pipe'] },
  );
  const displayPipe = group.child.stdio[3] as Readable;
  const display = await new Promise<string>((resolve, reject) => {
    let written = '';
    const timer = setTimeout(() => {
      reject(
        new Error(
          `${xvfbPath} named no display within ${START_TIMEOUT_MS} ms:\n${group.outputTail}`,
        ),
      );
    }, START_TIMEOUT_MS);
    displayPipe.on('data', (chunk: Buffer) => {
      written += chunk.toString();
      if (written.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${written.trim()}`);
      }
    });
    void group.exited().then(() => {
      clearTimeout(timer);
      reject(new Error(`${xvfbPath} exited before naming a display:\n${group.outputTail}`));
    });
  }).catch(async (error: unknown) => {
    await group.stop();
    throw error;
  });
  return { display, stop: () => group.stop() };
}
