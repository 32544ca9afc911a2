import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'cors-lab', template: '%s · cors-lab' },
  description:
    'Which cross-origin requests succeed or fail in real browsers, and why: run the catalogue, build a request by hand.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main">
            <Link href="/" className="brand">
              cors-lab
            </Link>
            <Link href="/matrix">Matrix</Link>
            <Link href="/lab">Lab</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
