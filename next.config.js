// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite breaks when bundled (its wasm and data files are located relative to its own module),
  // and argon2 is a native addon: both must be loaded by Node from node_modules. undici (the webhook
  // sender's HTTP client) is Node-only too, and must be the one version whose Agent options we rely on.
  // pdfkit reads its font metrics and the invoices' TTF fonts from disk at run time, so it is not bundled either.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres', 'undici', 'pdfkit'],
  poweredByHeader: false,
  reactStrictMode: true,
  allowedDevOrigins: ['127.0.0.1', '*.localhost'],
  // Every answer, pages, API and files alike. Pages get their Content-Security-Policy (with a nonce) from
  // proxy.ts; what the proxy does not see gets one that allows nothing to load and nobody to frame it.
  async headers() {
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      // For browsers that predate CSP's frame-ancestors.
      { key: 'X-Frame-Options', value: 'DENY' },
    ];
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
      // TLS ends at the load balancer, which says so in X-Forwarded-Proto; HSTS means nothing over plain http.
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] },
    ];
  },
  experimental: {
    // Logo uploads go through a server action, capped at 512 KB by the branding rules (lib/branding/logo-limits.ts).
    // This is set far above that so that an oversized file (a phone photo picked by mistake, with the form's own
    // check bypassed or without JavaScript) still reaches the action and gets its message beside the field: past
    // this limit Next answers with an error page. lib/branding/logo-image.test.ts keeps it at least 8× the cap.
    serverActions: { bodySizeLimit: '8mb' },
  },
};

export default nextConfig;
