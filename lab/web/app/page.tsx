import Link from 'next/link';
import { SCENARIOS, WEB_ROUTES, type OriginRole } from '@cors-lab/scenarios';
import { currentOrigins } from '../lib/origins-from-env';

const ROLES: readonly { role: OriginRole; serves: string; purpose: string }[] = [
  { role: 'web', serves: 'this Next.js app', purpose: 'The allowed front end.' },
  {
    role: 'web-alt-port',
    serves: 'this Next.js app, second port',
    purpose: 'Same host, wrong port: another origin, not on the API’s list.',
  },
  {
    role: 'web-alt-host',
    serves: 'this Next.js app, same server as the first row',
    purpose: 'Same server, other host spelling: another origin again.',
  },
  { role: 'api', serves: 'the Express API', purpose: 'Its policy comes from the shared package.' },
  {
    role: 'api-alt-port',
    serves: 'the Express API, second listener',
    purpose: 'An API on the wrong port, with a policy for another origin.',
  },
  {
    role: 'closed-port',
    serves: 'nothing',
    purpose: 'Where nothing listens: the same TypeError as a CORS block.',
  },
];

export default async function Home() {
  const origins = await currentOrigins();
  const routeHandler = WEB_ROUTES.find((route) => route.kind === 'route-handler');
  const edge = WEB_ROUTES.find((route) => route.kind === 'next-proxy');
  return (
    <>
      <h1>Which cross-origin requests work, and why</h1>
      <p className="lede">
        cors-lab runs {SCENARIOS.length} cross-origin requests in the browser you are using and
        shows, for each one, what its author expects, what the browser actually did, and what a
        model of the Fetch Standard predicts from the headers the server sent. Every failure comes
        with the reason and the fix, on the server where it belongs.
      </p>

      <ul className="cards">
        <li>
          <h2>
            <Link href="/matrix">The matrix</Link>
          </h2>
          <p>
            The whole catalogue, run from this page&apos;s origin in one go: expected, predicted and
            observed side by side, with what reached the server. Open it from each origin below to
            see the answers change.
          </p>
        </li>
        <li>
          <h2>
            <Link href="/lab">The lab</Link>
          </h2>
          <p>
            Build one request by hand: target, method, headers, body, credentials and mode. The
            state lives in the URL, so every case is a link you can share.
          </p>
        </li>
      </ul>

      <h2>The origins</h2>
      <p>
        An origin is scheme, host and port. These six are all different origins, even where the
        server is the same.
      </p>
      <table className="origins">
        <thead>
          <tr>
            <th scope="col">Origin</th>
            <th scope="col">Served by</th>
            <th scope="col">Role</th>
            <th scope="col">Open the matrix</th>
          </tr>
        </thead>
        <tbody>
          {ROLES.map(({ role, serves, purpose }) => (
            <tr key={role}>
              <td>
                <code>{origins[role]}</code>
              </td>
              <td>{serves}</td>
              <td>{purpose}</td>
              <td>
                {role.startsWith('web') ? (
                  <a href={`${origins[role]}/matrix`}>from {role}</a>
                ) : (
                  <span className="muted">not a page</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="dev-proxy">The dev proxy, and why it is not a fix</h2>
      <p>
        <code>next.config.ts</code> has a <code>rewrites()</code> rule sending <code>/proxy/*</code>{' '}
        to <code>{origins.api}/*</code>. The page then calls its own origin, so the browser has
        nothing to check: no preflight, no <code>Access-Control-*</code> headers needed. The Next.js
        server makes the real call, and servers do not enforce CORS.
      </p>
      <p>
        That is why it works, and why it is only for development: every API call now goes through
        the web server, the API still has no policy for anyone else, and in production the page and
        the API usually live on different origins anyway. Configure CORS on the API instead. Try{' '}
        <Link href="/lab?target=proxy&amp;path=%2Flab%2Fnone&amp;autorun=1">a proxied call</Link>{' '}
        and{' '}
        <Link href="/lab?target=api&amp;path=%2Flab%2Fnone&amp;autorun=1">
          the same call direct
        </Link>
        .
      </p>

      <h2 id="next-server">Next.js as a CORS server</h2>
      <p>
        This app also answers cross-origin requests itself, with the same policy package as the API
        through its Fetch adapter:
      </p>
      <ul>
        {routeHandler && (
          <li>
            <code>{routeHandler.path}</code>: {routeHandler.description}
          </li>
        )}
        {edge && (
          <li>
            <code>{edge.path}/*</code>: {edge.description}
          </li>
        )}
      </ul>
      <p>
        Both allow <code>{origins['web-alt-port']}</code>; the matrix calls them from there.
      </p>
    </>
  );
}
