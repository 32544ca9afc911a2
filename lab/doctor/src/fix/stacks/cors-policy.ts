import { quotedList, type Requirement } from '../requirement.js';

/** `definePolicy` options of @cors-lab/cors-policy, for any of its adapters. */
export function corsPolicyFix(need: Requirement): string {
  return [
    "import { corsMiddleware, definePolicy } from '@cors-lab/cors-policy';",
    '',
    'const policy = definePolicy({',
    `  origins: [${quotedList([need.origin])}],`,
    ...(need.methods.length > 0 ? [`  methods: [${quotedList(need.methods)}],`] : []),
    ...(need.headers.length > 0 ? [`  allowedHeaders: [${quotedList(need.headers)}],`] : []),
    ...(need.credentials ? ['  credentials: true,'] : []),
    '});',
    '// Express/node:http: before the routes and auth. Fetch servers: withCors(policy, handler).',
    'app.use(corsMiddleware(policy));',
  ].join('\n');
}
