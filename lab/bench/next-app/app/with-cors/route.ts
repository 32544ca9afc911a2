import { withCors } from '@cors-lab/cors-policy';
import { benchPolicy } from '../../lib/bench-policy';
import { echo } from '../../lib/echo';

export const dynamic = 'force-dynamic';

export const GET = withCors(benchPolicy, echo);
export const OPTIONS = GET;
