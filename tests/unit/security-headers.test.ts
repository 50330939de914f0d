import { describe, expect, it } from 'vitest';
import { headersFile, type PagePolicy } from '../../src/integrations/security-headers';
import { PLACEHOLDER_SITE, siteAddressMessage } from '../../src/integrations/site-address';
import { headersFor, parseHeaderRules, parsePolicy } from '../e2e/headers';

const base =
  "default-src 'self'; script-src 'self' 'sha256-a'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'";
const pages: PagePolicy[] = [
  { route: '/', csp: base },
  { route: '/glossary/', csp: base.replace('sha256-a', 'sha256-b') },
  { route: '/kb/q153066/', csp: `${base}; connect-src 'self'` },
  { route: '/browse/topic/ipc/', csp: base },
  { route: '/404.html', csp: `${base}; form-action 'self'` },
  { route: '/embed/q153066/compare/', csp: `${base}; worker-src 'self'` },
];
const rules = parseHeaderRules(headersFile(pages));
const served = (path: string) => headersFor(rules, path);
const framingOf = (path: string) =>
  parsePolicy(served(path)['content-security-policy'] ?? '').get('frame-ancestors');

// Issue 23 #9: every address a host serves carries a policy with frame-ancestors, and
// X-Frame-Options unless it is an embed; pages, their other forms, and missing addresses alike.
describe('_headers', () => {
  const notFramed = [
    '/',
    '/index.html',
    '/glossary/',
    '/glossary',
    '/glossary/index.html',
    '/kb/q153066/',
    '/kb/q153066/index.html',
    '/kb/Q153066/',
    '/KB/Q153066/',
    '/nope',
    '/nope/deeper/',
    '/404.html',
    '/browse/topic/ipc/index.html',
    '/embed',
    '/embedded/',
  ];
  it.each(notFramed)('%s: one policy with frame-ancestors none, and X-Frame-Options DENY', (path) => {
    const headers = served(path);
    expect(headers['content-security-policy']).toBeDefined();
    expect(headers['content-security-policy']).not.toContain(', '); // one policy, not two joined
    expect(framingOf(path)).toEqual(new Set(["'none'"]));
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/embed/q153066/compare/',
    '/embed/q153066/compare/index.html',
    '/embed/q153066/compare',
    '/embed/missing/',
  ])('%s: one policy that lets any site frame it, and no X-Frame-Options', (path) => {
    const headers = served(path);
    expect(headers['content-security-policy']).not.toContain(', ');
    expect(framingOf(path)).toEqual(new Set(['*']));
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['strict-transport-security']).toBeDefined();
  });

  it('an allow-list of embedding sites narrows frame-ancestors on embeds only', () => {
    const narrowed = parseHeaderRules(headersFile(pages, 'https://a.example https://b.example'));
    const policy = parsePolicy(
      headersFor(narrowed, '/embed/q153066/compare/')['content-security-policy'] ?? '',
    );
    expect(policy.get('frame-ancestors')).toEqual(new Set(['https://a.example', 'https://b.example']));
    expect(headersFor(narrowed, '/nope')['x-frame-options']).toBe('DENY');
  });

  it('the header policy allows what each page allows, leaves scripts and styles to the <meta>', () => {
    const site = parsePolicy(served('/nope')['content-security-policy'] ?? '');
    for (const directive of ['default-src', 'script-src', 'style-src', 'style-src-attr'])
      expect(site.has(directive), directive).toBe(false);
    expect(site.get('connect-src')).toEqual(new Set(["'self'"]));
    expect(site.get('form-action')).toEqual(new Set(["'self'"])); // the 404 page's, at any missing address
    expect(site.has('worker-src')).toBe(false); // an embed's directive stays on the embeds
    const embed = parsePolicy(served('/embed/q153066/compare/')['content-security-policy'] ?? '');
    expect(embed.get('worker-src')).toEqual(new Set(["'self'"]));
    expect(embed.get('form-action')).toEqual(new Set(["'self'"])); // a missing embed gets the 404 page
  });

  it('stays two rules however many pages there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ route: `/kb/q${i}/`, csp: base }));
    const text = headersFile([...pages, ...many]);
    expect(parseHeaderRules(text).map((r) => r.pattern)).toEqual(['/*', '/embed/*']);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(2000);
  });
});

describe('the site address', () => {
  it('warns loudly when LIVEKB_SITE is unset, naming the placeholder', () => {
    for (const unset of [undefined, '']) {
      const { level, text } = siteAddressMessage(unset);
      expect(level).toBe('warn');
      expect(text).toContain('LIVEKB_SITE is not set');
      expect(text).toContain(PLACEHOLDER_SITE);
      expect(text).toMatch(/!{20}/);
    }
  });
  it('says which address a build with LIVEKB_SITE used', () => {
    expect(siteAddressMessage('https://kb.example.org')).toEqual({
      level: 'info',
      text: 'Site address (LIVEKB_SITE): https://kb.example.org',
    });
  });
});
