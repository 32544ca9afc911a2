import { echo } from '../../lib/echo';

export const dynamic = 'force-dynamic';

export const GET = echo;
