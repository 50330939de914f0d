// @ts-check

import { globSync } from 'node:fs';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { articleCheck } from './src/integrations/article-check.ts';
import { securityHeaders, styleDirective } from './src/integrations/security-headers.ts';
import { troubleshooterCheck } from './src/integrations/troubleshooter-check.ts';
import { contentRoots, pendingTroubleshooterFiles } from './src/lib/content-roots.ts';

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
    troubleshooterCheck(
      contentRoots,
      pendingTroubleshooterFiles.flatMap((p) => globSync(p)),
    ),
    // Upper-case article IDs are redirect pages; only canonical URLs belong in the sitemap.
    securityHeaders(),
    sitemap({ filter: (page) => new URL(page).pathname === new URL(page).pathname.toLowerCase() }),
  ],
});
