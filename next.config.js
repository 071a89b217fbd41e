// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite breaks when bundled (its wasm and data files are located relative to its own module),
  // and argon2 is a native addon: both must be loaded by Node from node_modules. undici (the webhook
  // sender's HTTP client) is Node-only too, and must be the one version whose Agent options we rely on.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres', 'undici'],
  poweredByHeader: false,
  reactStrictMode: true,
  allowedDevOrigins: ['127.0.0.1', '*.localhost'],
  experimental: {
    // Logo uploads go through a server action; the branding rules cap them well below this.
    serverActions: { bodySizeLimit: '2mb' },
  },
};

export default nextConfig;
