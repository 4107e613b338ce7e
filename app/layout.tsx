import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Segmenta', template: '%s · Segmenta' },
  description: 'Value-based customer segmentation: RFM, predictive CLV, segment valuation and budget allocation.',
};

// Every page reads the signed-in member and the database: nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
