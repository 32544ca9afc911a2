// POST /api/lab/doctor: the server half of /lab's "your server" target. The page posts the
// request it just made; this server replays it with the page's origin (see lib/server/remote-replay).
import { diagnose, type DoctorRequest } from '@cors-lab/doctor';
import { parseReplayRequest } from '../../../../lib/replay-request';
import {
  REPLAY_MAX_BODY_BYTES,
  REPLAY_MAX_REQUEST_BYTES,
  REPLAY_TIMEOUT_MS,
  replayRefusal,
  replayScope,
} from '../../../../lib/server/remote-replay';

const problem = (status: number, message: string) => Response.json({ error: message }, { status });

export async function POST(request: Request): Promise<Response> {
  const pageOrigin = request.headers.get('origin');
  const ownOrigin = new URL(request.url).origin;
  // Only the lab's own pages may ask: the replay speaks for the page's origin.
  if (pageOrigin === null || pageOrigin !== ownOrigin) {
    return problem(
      403,
      `Replays are for the lab's own pages (${ownOrigin}); this request came from ${pageOrigin ?? 'no origin'}.`,
    );
  }
  const text = await request.text();
  if (text.length > REPLAY_MAX_REQUEST_BYTES) {
    return problem(
      413,
      `The replay request is ${text.length} bytes; the limit is ${REPLAY_MAX_REQUEST_BYTES}. Send a smaller body.`,
    );
  }
  const parsed = parseReplayRequest(text);
  if (typeof parsed === 'string') return problem(400, parsed);
  const refusal = replayRefusal(replayScope(process.env), new URL(parsed.url));
  if (refusal) return problem(403, refusal);
  // Built from the posted fields only: the visitor's own Cookie and Authorization never go along.
  const input: DoctorRequest = { ...parsed, origin: pageOrigin };
  const diagnosis = await diagnose(input, {
    timeoutMs: REPLAY_TIMEOUT_MS,
    maxBodyBytes: REPLAY_MAX_BODY_BYTES,
  });
  return Response.json(diagnosis);
}
