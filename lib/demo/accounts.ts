import type { Role } from '@/lib/auth/roles';

/** The demo workspace's users share this published password: only ever seeded on request or into PGlite. */
export const DEMO_PASSWORD = 'segmenta-demo';

export const demoLogins: { role: Role; email: string; name: string }[] = [
  { role: 'admin', email: 'admin@demo.segmenta.test', name: 'Ada Admin' },
  { role: 'marketer', email: 'marketer@demo.segmenta.test', name: 'Max Marketer' },
  { role: 'viewer', email: 'viewer@demo.segmenta.test', name: 'Vera Viewer' },
];

export const DEMO_WORKSPACE = { name: 'Demo Retail', slug: 'demo-retail' };
