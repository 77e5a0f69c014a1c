import type { MetadataRoute } from 'next';

// An internal review tool: nothing in it is for search engines, and its pages need a sign-in anyway.
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', disallow: '/' } };
}
