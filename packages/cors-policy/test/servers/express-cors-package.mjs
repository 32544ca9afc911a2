// Express 5 with the `cors` package, given the policy's per-request options.
import cors from 'cors';
import { definePolicy, toCorsOptions } from '@cors-lab/cors-policy';
import { serveExpress } from './express-app.mjs';
import { policyOptions } from './shared.mjs';

serveExpress(cors(toCorsOptions(definePolicy(policyOptions))));
