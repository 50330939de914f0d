// @ts-check
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { articleCheck } from './src/integrations/article-check.ts';
import { securityHeaders, styleDirective } from './src/integrations/security-headers.ts';
import { contentRoots } from './src/lib/content-roots.ts';

export default defineConfig({
  site: 'https://livekb.example',
  trailingSlash: 'ignore',
  // Starlight's Expressive Code renders code blocks; Astro's own Shiki pass would add unhashable inline styles.
  markdown: { syntaxHighlight: false },
  security: {
    // Astro hashes every script and style it emits into a <meta> policy; no 'unsafe-inline' or 'unsafe-eval'.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search compiles WebAssembly; 'wasm-unsafe-eval' allows that and nothing else.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective,
    },
  },
  integrations: [
    starlight({
      title: 'LiveKB',
      description: 'Knowledge-base articles you can run.',
      lastUpdated: false,
      pagination: false,
      customCss: ['./src/styles/tokens.css', './src/styles/controls.css'],
      components: {
        Head: './src/components/overrides/Head.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
      },
      sidebar: [
        {
          label: 'Start here',
          items: [
            { label: 'All articles', link: '/' },
            { slug: 'glossary' },
            { slug: 'troubleshooter' },
            { slug: 'onboarding' },
          ],
        },
        { label: 'Knowledge base', items: [{ autogenerate: { directory: 'kb' } }] },
      ],
    }),
    preact(),
    articleCheck(contentRoots),
    // Upper-case article IDs are redirect pages; only canonical URLs belong in the sitemap.
    securityHeaders(),
    // Embeds are for other sites to frame, not to be found on their own.
    sitemap({
      filter: (page) => {
        const path = new URL(page).pathname;
        return path === path.toLowerCase() && !path.startsWith('/embed/');
      },
    }),
  ],
});
