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
    // Logo uploads go through a server action, capped at 512 KB by the branding rules (lib/branding/logo-limits.ts).
    // This is set far above that so that an oversized file (a phone photo picked by mistake, with the form's own
    // check bypassed or without JavaScript) still reaches the action and gets its message beside the field: past
    // this limit Next answers with an error page. lib/branding/logo-image.test.ts keeps it at least 8× the cap.
    serverActions: { bodySizeLimit: '8mb' },
  },
};

export default nextConfig;
