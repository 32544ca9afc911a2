import type { Metadata } from 'next';
import { currentOrigins } from '../../../lib/origins-from-env';
import { FrameRunner } from './frame-runner';

export const metadata: Metadata = { title: 'Matrix frame' };

/** Loaded in a hidden frame by /matrix to send a setup request from another page origin. */
export default async function MatrixFramePage() {
  return <FrameRunner origins={await currentOrigins()} />;
}
