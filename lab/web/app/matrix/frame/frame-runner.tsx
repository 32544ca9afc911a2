'use client';

import { useEffect } from 'react';
import type { Origins } from '@cors-lab/scenarios';
import { fetchCall } from '../../../lib/fetch-call';
import type { FrameAnswer, FrameAsk } from '../../../lib/frame-request';
import { observe } from '../../../lib/observe';
import { pageRoleFor } from '../../../lib/page-role';

/** Sends the one request a lab page asks for, from this frame's origin, and posts back what it saw. */
export function FrameRunner({ origins }: { origins: Origins }) {
  useEffect(() => {
    const own = pageRoleFor(window.location.origin, origins);
    const pages = new Set([origins.web, origins['web-alt-port'], origins['web-alt-host']]);
    const onMessage = (event: MessageEvent) => {
      const ask = event.data as Partial<FrameAsk>;
      // Only the lab's own pages may make this frame send requests.
      if (!own || !pages.has(event.origin) || ask.kind !== 'cors-lab-frame-ask') return;
      if (!ask.request || !ask.runId) return;
      const { request, runId } = ask;
      void observe(fetchCall(request, origins, own, runId)).then((observation) => {
        const answer: FrameAnswer = { kind: 'cors-lab-frame-answer', runId, observation };
        window.parent.postMessage(answer, event.origin);
      });
    };
    window.addEventListener('message', onMessage);
    // The parent's origin is not known yet; "ready" carries nothing.
    window.parent.postMessage({ kind: 'cors-lab-frame-ready' }, '*');
    return () => window.removeEventListener('message', onMessage);
  }, [origins]);
  return <p>This frame sends one request for the matrix page that opened it.</p>;
}
