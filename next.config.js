// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite breaks when bundled (its wasm and data files are located relative to its own module),
  // and argon2 is a native addon: both must be loaded by Node from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
  allowedDevOrigins: ['127.0.0.1', '*.localhost'],
  experimental: {
    // Logo uploads go through a server action; the branding rules cap them well below this.
    serverActions: { bodySizeLimit: '2mb' },
  },
};

export default nextConfig;
