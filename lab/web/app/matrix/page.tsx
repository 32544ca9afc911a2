import type { Metadata } from 'next';
import { currentOrigins } from '../../lib/origins-from-env';
import { MatrixRunner } from './matrix-runner';

export const metadata: Metadata = { title: 'Matrix' };

export default async function MatrixPage() {
  const origins = await currentOrigins();
  return (
    <>
      <h1>The matrix</h1>
      <p className="lede">
        Every scenario of the catalogue that applies to this page&apos;s origin runs here, in this
        browser, with <code>fetch()</code>. For each one: what its author expects, what{' '}
        <code>predict()</code> says from the headers the server really sent (read back from the
        request log, because a page cannot read a blocked response), and what this engine did.
      </p>
      <MatrixRunner origins={origins} />
    </>
  );
}
