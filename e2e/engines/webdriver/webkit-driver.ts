// WebKitWebDriver on a free port, on a given X display; stopping it also stops its MiniBrowser.
import { freePort, ProcessGroup } from '@cors-lab/testkit';
import { waitForDriver } from './client.js';

export interface RunningDriver {
  url: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;
// A port can be taken between choosing it and the driver binding it; a fresh one fixes that.
const PORT_ATTEMPTS = 3;

export async function startWebKitDriver(
  driverPath: string,
  display: string,
): Promise<RunningDriver> {
  const env = {
    DISPLAY: display,
    GDK_BACKEND: 'x11',
    NO_AT_BRIDGE: '1',
    WAYLAND_DISPLAY: undefined,
  };
  const failures: string[] = [];
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    const group = ProcessGroup.start('WebKitWebDriver', driverPath, [`--port=${port}`], { env });
    const url = `http://127.0.0.1:${port}`;
    let why = 'exited';
    const ready = waitForDriver(url, START_TIMEOUT_MS).then(
      () => true,
      (error: Error) => ((why = error.message), false),
    );
    const died = group.exited().then(() => false);
    if (await Promise.race([ready, died])) return { url, stop: () => group.stop() };
    await group.stop();
    failures.push(`port ${port}: ${why}; output: ${group.outputTail.trim() || 'none'}`);
  }
  throw new Error(
    `${driverPath} did not start after ${PORT_ATTEMPTS} attempts:\n${failures.join('\n')}\n` +
      'Check that `WebKitWebDriver --port=4444` runs by hand (package webkit2gtk-driver).',
  );
}
