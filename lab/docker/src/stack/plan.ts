/** Where the containerised stack listens for one run, and the variables Compose and e2e read. */
export interface StackPlan {
  ports: {
    api: number;
    apiAlt: number;
    apiTls: number;
    web: number;
    webAlt: number;
    closed: number;
    /** Host servers e2e starts itself (Flask, nginx, Vite), kept off the lab's default ports. */
    flask: number;
    nginx: number;
    vite: number;
  };
  /** Every `${VARIABLE}` docker-compose.yml reads, set explicitly so no `.env` file or shell leaks in. */
  composeEnv: Record<string, string>;
  /** The origins the browser tests open, from the same ports. */
  originsEnv: Record<string, string>;
}

export interface PlanInput {
  /** api, apiAlt, apiTls, web, webAlt, closed, flask, nginx, vite. */
  ports: readonly number[];
  apiImage: string;
  webImage: string;
}

/**
 * Free ports for the stack and the host servers e2e starts, and the origins on them. Containers
 * listen on the same numbers they are published under: the web server calls API_ORIGIN itself.
 */
export function planStack({ ports, apiImage, webImage }: PlanInput): StackPlan {
  if (ports.length !== 9) throw new Error(`planStack needs 9 ports, got ${ports.length}.`);
  const [api, apiAlt, apiTls, web, webAlt, closed, flask, nginx, vite] = ports as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const originsEnv = {
    WEB_ORIGIN: `http://localhost:${web}`,
    WEB_ALT_PORT_ORIGIN: `http://localhost:${webAlt}`,
    WEB_ALT_HOST_ORIGIN: `http://127.0.0.1:${web}`,
    // Published on every address, so 127.0.0.2 reaches the web container too.
    WEB_PUBLIC_ORIGIN: `http://127.0.0.2:${web}`,
    // No https front for the web app in the compose stack: a port where nothing listens.
    WEB_TLS_ORIGIN: `https://localhost:${closed}`,
    API_ORIGIN: `http://localhost:${api}`,
    API_ALT_PORT_ORIGIN: `http://localhost:${apiAlt}`,
    API_ALT_HOST_ORIGIN: `http://127.0.0.1:${api}`,
    API_TLS_ORIGIN: `https://localhost:${apiTls}`,
    API_TLS_ALT_HOST_ORIGIN: `https://127.0.0.1:${apiTls}`,
    CLOSED_PORT_ORIGIN: `http://localhost:${closed}`,
    FLASK_ORIGIN: `http://localhost:${flask}`,
    NGINX_ORIGIN: `http://localhost:${nginx}`,
    VITE_ORIGIN: `http://localhost:${vite}`,
  };
  return {
    ports: { api, apiAlt, apiTls, web, webAlt, closed, flask, nginx, vite },
    originsEnv,
    composeEnv: {
      ...originsEnv,
      API_IMAGE: apiImage,
      WEB_IMAGE: webImage,
      PORT: String(api),
      ALT_PORT: String(apiAlt),
      API_TLS_PORT: String(apiTls),
      WEB_PORT: String(web),
      WEB_ALT_PORT: String(webAlt),
      // Empty: the compose file's defaults, i.e. the apps' own (allowed origin = WEB_ORIGIN).
      CORS_ALLOWED_ORIGINS: '',
      ALT_CORS_ALLOWED_ORIGINS: '',
      CORS_CREDENTIALS: '',
      CORS_ALLOW_NULL_ORIGIN: '',
      CORS_METHODS: '',
      CORS_ALLOWED_HEADERS: '',
      CORS_EXPOSED_HEADERS: '',
      CORS_MAX_AGE: '',
      REQUEST_LOG_SIZE: '',
      // Build arguments: set for real once the base image and the host's CAs are known.
      NODE_IMAGE: '',
      EXTRA_CA_CERTS: '',
    },
  };
}
