// No CORS code here: proxy.ts applies the policy to everything under /edge.
import { echo } from '../../../lib/server/echo';
import { logged } from '../../../lib/server/logged';

const handle = logged(echo('next-proxy-edge'));

export const GET = handle;
export const PUT = handle;
