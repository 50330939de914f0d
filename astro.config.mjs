// @ts-check

import { fileURLToPath } from 'node:url';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { articleCheck } from './src/integrations/article-check.ts';
import { chunkUrl } from './src/integrations/chunk-url.ts';
import { pagefindUiChunk } from './src/integrations/pagefind-ui-chunk.ts';
import { securityHeaders, styleDirective } from './src/integrations/security-headers.ts';
import { PLACEHOLDER_SITE, siteAddress } from './src/integrations/site-address.ts';
import { troubleshooterCheck } from './src/integrations/troubleshooter-check.ts';
import { contentRoots } from './src/lib/content-roots.ts';

/**
 * The site's public address, in one place: canonical links, the sitemap and robots.txt all come
 * from it. Set LIVEKB_SITE when building for a real host (`LIVEKB_SITE=https://kb.example.org npm run build`);
 * a build without it warns loudly (src/integrations/site-address.ts), and one with it names it.
 */
const site = process.env.LIVEKB_SITE || PLACEHOLDER_SITE;
try {
  if (!/^https?:$/.test(new URL(site).protocol)) throw new Error('not http(s)');
} catch {
  throw new Error(
    `LIVEKB_SITE must be an absolute http(s) URL such as https://kb.example.org, not "${site}".`,
  );
}

/** A model's folder in src/machines or src/components/models (the kernel is not a model); group 1: its id. */
const MODEL_FOLDER = /src[\\/](?:machines[\\/](?!kernel[\\/])|components[\\/]models[\\/])([^\\/]+)[\\/]/;

export default defineConfig({
  site,
  vite: {
    plugins: [pagefindUiChunk(), chunkUrl()],
    // Astro's Preact renderer without signal props (see the file).
    resolve: {
      alias: [
        {
          find: /^@astrojs\/preact\/client\.js$/,
          replacement: fileURLToPath(new URL('./src/components/preact-client.ts', import.meta.url)),
        },
      ],
    },
    build: {
      rolldownOptions: {
        output: {
          // Few chunks, because each chunk boundary costs import lists and gzip context (the default
          // split made ten): what every island needs (Preact, XState, the address bar), the
          // simulations' kernel and players, and one per model.
          // The quiz reads its answers at build time, so it loads no kernel.
          codeSplitting: {
            groups: [
              {
                name: 'lib',
                test: /node_modules[\\/](preact|xstate)[\\/]|src[\\/]components[\\/]sim[\\/](address|useActor)\./,
                priority: 2,
              },
              {
                // Each model (its machines/<id>/ and components/models/<id>/ folders) in a chunk of its
                // own, so a page loads only its model's. A model's panels (any `panels/` folder) are
                // left out: each is its own chunk, loaded when opened.
                name: (id) => MODEL_FOLDER.exec(id)?.[1] ?? null,
                test: (id) => MODEL_FOLDER.test(id) && !/[\\/]panels[\\/]/.test(id),
                priority: 0,
              },
              {
                // The kernel and the players, captured first: a group takes its modules' dependencies
                // too, and the kernel is every model's.
                name: 'sim',
                // (A panel's address, `chunk-url:`, goes with the code that names it: the players' own here.)
                test: (id) =>
                  /src[\\/](machines[\\/]kernel[\\/](?!troubleshooter)|components[\\/](sim[\\/](?!panels[\\/])|embedSnippet\.))/.test(
                    id,
                  ) ||
                  (id.startsWith('\0chunk-url:') && /components[\\/]sim[\\/]/.test(id)),
                priority: 1,
              },
            ],
          },
        },
      },
    },
  },
  trailingSlash: 'ignore',
  // Starlight turns on Astro's prefetch for every link (a 1.1 KB script that watches every link,
  // including each one a hydrating island adds). Off, a trade: no hover prefetch, a page is fetched
  // on the click. (Speculation rules in the page instead, tried, made Chromium slow the scenario
  // player's steps fivefold in the e2e tests: not used.)
  prefetch: false,
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
        Search: './src/components/overrides/Search.astro',
        TableOfContents: './src/components/overrides/TableOfContents.astro',
        MobileTableOfContents: './src/components/overrides/MobileTableOfContents.astro',
        LanguageSelect: './src/components/overrides/LanguageSelect.astro',
        ThemeProvider: './src/components/overrides/ThemeProvider.astro',
        ThemeSelect: './src/components/overrides/ThemeSelect.astro',
      },
      // The site's sections only: src/routeData.ts adds each article's neighbourhood (its topic
      // and product), so no page lists the whole knowledge base.
      sidebar: [
        {
          label: 'Start here',
          items: [
            { label: 'Home', link: '/' },
            { label: 'Browse all articles', link: '/browse/' },
            { slug: 'troubleshooter' },
            { slug: 'onboarding' },
            { slug: 'glossary' },
            { slug: 'how-the-simulation-works' },
          ],
        },
      ],
      routeMiddleware: './src/routeData.ts',
    }),
    preact(),
    articleCheck(contentRoots),
    troubleshooterCheck(contentRoots),
    securityHeaders(),
    siteAddress(),
    // Embeds are for other sites to frame, not to be found on their own.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/embed/') }),
  ],
});
