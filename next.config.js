/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and must load as a plain Node module, once per process.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: '250mb' },
  },
};

module.exports = nextConfig;
