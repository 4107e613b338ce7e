/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and must load as a plain Node module, once per process.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
};

module.exports = nextConfig;
