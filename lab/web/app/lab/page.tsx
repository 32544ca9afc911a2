import type { Metadata } from 'next';
import { currentOrigins } from '../../lib/origins-from-env';
import { LabRunner } from './lab-runner';

export const metadata: Metadata = { title: 'Lab' };

export default async function LabPage() {
  const origins = await currentOrigins();
  return (
    <>
      <h1>The lab</h1>
      <p className="lede">
        Build one cross-origin request and send it from this page. The form lives in the URL: copy
        the address to share the case, add <code>autorun=1</code> to run it on load.
      </p>
      <LabRunner origins={origins} />
    </>
  );
}
