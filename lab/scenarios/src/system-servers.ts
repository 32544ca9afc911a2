// The paths the lab's Flask app and nginx serve, as plain data: the catalogue's Flask and nginx
// scenarios call them and its test checks every call against these lists.

/** One case of lab/flask-api: a Blueprint answering every method on `<path>/data`. */
export interface FlaskCase {
  path: string;
  description: string;
}

export const FLASK_CASES: readonly FlaskCase[] = [
  { path: '/seed/origins', description: "The seed's `CORS(app, origins=WEB_ORIGIN)`." },
  { path: '/seed/credentials', description: 'The same with `supports_credentials=True`.' },
  { path: '/seed/after-request', description: "The seed's `after_request` with `headers.add`." },
  { path: '/mistake/default', description: '`CORS(app)` at its defaults: any origin echoed.' },
  {
    path: '/mistake/default-credentials',
    description: '`CORS(app, supports_credentials=True)`: any origin echoed with credentials.',
  },
  { path: '/mistake/double', description: '`headers.add` on top of flask_cors: two values.' },
  {
    path: '/mistake/in-view',
    description: 'Headers set in the view; Flask answers OPTIONS itself without them.',
  },
];

/**
 * A location of lab/nginx. `upstream: 'api'` forwards the rest of the path to the API as is
 * (`/pass/lab/exact` reaches the API as `/lab/exact`); `cache` locations sit in front of an app
 * inside the same nginx and take no further path.
 */
export interface NginxLocation {
  prefix: string;
  upstream: 'api' | 'cache';
  description: string;
}

export const NGINX_LOCATIONS: readonly NginxLocation[] = [
  { prefix: '/pass/', upstream: 'api', description: "The API's CORS headers passed through." },
  { prefix: '/policy/', upstream: 'api', description: 'nginx answers CORS from toNginxConfig().' },
  { prefix: '/double/', upstream: 'api', description: "add_header on top of the API's." },
  { prefix: '/no-always/', upstream: 'api', description: 'add_header without `always`.' },
  { prefix: '/cache/vary/', upstream: 'cache', description: 'proxy_cache, app sends Vary.' },
  { prefix: '/cache/no-vary/', upstream: 'cache', description: 'proxy_cache, no Vary.' },
];
