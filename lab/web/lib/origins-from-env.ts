import { connection } from 'next/server';
import { originsFromEnv, type Origins } from '@cors-lab/scenarios';

/** The lab's origins as this server is configured, read per request so one build serves any ports. */
export async function currentOrigins(): Promise<Origins> {
  await connection();
  return originsFromEnv(process.env);
}
