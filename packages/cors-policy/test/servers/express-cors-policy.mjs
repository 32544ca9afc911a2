// Express 5 with corsMiddleware, as the README shows it.
import { corsMiddleware, definePolicy } from '@cors-lab/cors-policy';
import { serveExpress } from './express-app.mjs';
import { policyOptions } from './shared.mjs';

serveExpress(corsMiddleware(definePolicy(policyOptions)));
