// @ts-check
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://livekb.example',
  trailingSlash: 'ignore',
  integrations: [
    starlight({
      title: 'LiveKB',
      description: 'Knowledge-base articles you can run.',
      lastUpdated: false,
      pagination: false,
      customCss: ['./src/styles/tokens.css'],
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
      },
      sidebar: [
        { label: 'Start here', items: [{ label: 'All articles', link: '/' }, { slug: 'glossary' }] },
        { label: 'Knowledge base', items: [{ autogenerate: { directory: 'kb' } }] },
      ],
    }),
    preact({ compat: true }),
    // Upper-case article IDs are redirect pages; only canonical URLs belong in the sitemap.
    sitemap({ filter: (page) => new URL(page).pathname === new URL(page).pathname.toLowerCase() }),
  ],
});
