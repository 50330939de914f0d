import type { AstroIntegration } from 'astro';

/** The address the build writes when LIVEKB_SITE is unset: canonical links, og:url, sitemaps, robots.txt. */
export const PLACEHOLDER_SITE = 'https://livekb.example';

/**
 * What a build says about the address it wrote into its pages: a loud warning when LIVEKB_SITE
 * is unset (every absolute URL then points at the placeholder), and the address it used otherwise.
 */
export function siteAddressMessage(env: string | undefined): { level: 'warn' | 'info'; text: string } {
  if (!env) {
    const line = '!'.repeat(78);
    return {
      level: 'warn',
      text: [
        line,
        `LIVEKB_SITE is not set: this build writes the placeholder ${PLACEHOLDER_SITE} into every`,
        'canonical link, og:url, the sitemaps and robots.txt. Do not deploy it; build for a real host with',
        '  LIVEKB_SITE=https://kb.example.org npm run build',
        line,
      ].join('\n'),
    };
  }
  return { level: 'info', text: `Site address (LIVEKB_SITE): ${env}` };
}

/** Says, at the start and again at the end of every build, which address the build wrote. */
export function siteAddress(env = process.env.LIVEKB_SITE): AstroIntegration {
  const say = (logger: { warn(m: string): void; info(m: string): void }) => {
    const { level, text } = siteAddressMessage(env);
    logger[level](text);
  };
  return {
    name: 'livekb:site-address',
    hooks: {
      'astro:build:start': ({ logger }) => say(logger),
      'astro:build:done': ({ logger }) => say(logger),
    },
  };
}
