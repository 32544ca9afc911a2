import type { Observation, Origins, PageOriginRole, ScenarioRequest } from '@cors-lab/scenarios';
import { OBSERVE_TIMEOUT_MS } from './observe';

/** The page a frame loads to send one request from its own origin (app/matrix/frame). */
export const FRAME_PATH = '/matrix/frame';

/** What the matrix page posts to the frame, and what the frame posts back. */
export interface FrameAsk {
  kind: 'cors-lab-frame-ask';
  request: ScenarioRequest;
  runId: string;
}
export interface FrameAnswer {
  kind: 'cors-lab-frame-answer';
  runId: string;
  observation: Observation;
}

/**
 * Sends `request` from a hidden frame on the `from` page origin, so the server sees that origin:
 * how one scenario shows what a first origin leaves behind (a shared cache) for the page's own.
 */
export function observeFromFrame(
  request: ScenarioRequest,
  origins: Origins,
  from: PageOriginRole,
  runId: string,
): Promise<Observation> {
  const frameOrigin = origins[from];
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.src = `${frameOrigin}${FRAME_PATH}`;
  // React's development double effects may announce the frame twice: ask once.
  let asked = false;
  return new Promise<Observation>((resolve, reject) => {
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(`The frame at ${frame.src} did not answer within ${OBSERVE_TIMEOUT_MS} ms.`),
      );
    }, OBSERVE_TIMEOUT_MS);
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
      const data = event.data as { kind?: string; runId?: string; observation?: Observation };
      if (data.kind === 'cors-lab-frame-ready' && !asked) {
        asked = true;
        const ask: FrameAsk = { kind: 'cors-lab-frame-ask', request, runId };
        frame.contentWindow?.postMessage(ask, frameOrigin);
      } else if (
        data.kind === 'cors-lab-frame-answer' &&
        data.runId === runId &&
        data.observation
      ) {
        finish();
        resolve(data.observation);
      }
    };
    const finish = () => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}
