// Sends one JSON PUT through each proxy prefix (a PUT, so the browser sends Origin even to its own
// origin), then reads the API's request log through the proxy and shows what the API received.
import { PROXY_PREFIXES } from './dev-proxy.js';

interface Logged {
  path: string;
  requestHeaders: Record<string, string | string[]>;
}

const run = `vite-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const table = document.querySelector<HTMLTableElement>('#seen');
if (!table) throw new Error('index.html has no #seen table.');
table.dataset.run = run;

try {
  for (const prefix of Object.values(PROXY_PREFIXES)) {
    await fetch(`${prefix}/lab/none?run=${run}&via=${prefix.slice(1)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
  }
  const answer = await fetch(`${PROXY_PREFIXES.same}/__log?run=${run}`);
  const { entries } = (await answer.json()) as { entries: Logged[] };
  const body = table.tBodies[0];
  const forwarded = entries.filter((entry) => entry.path === '/lab/none');
  for (const [index, entry] of forwarded.entries()) {
    const row = body?.insertRow();
    const cells = [
      Object.values(PROXY_PREFIXES)[index] ?? '?',
      index === 0 ? 'false' : 'true',
      String(entry.requestHeaders.origin ?? '(none)'),
      String(entry.requestHeaders.host ?? '(none)'),
    ];
    for (const text of cells) row?.insertCell().append(text);
  }
  table.dataset.state = 'done';
} catch (error) {
  table.dataset.state = 'error';
  table.insertAdjacentText('afterend', String(error));
}
