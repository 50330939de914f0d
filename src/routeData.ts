/**
 * Starlight route middleware (wired by `routeMiddleware` in astro.config.mjs): gives each article
 * page a sidebar with the site's sections plus the article's neighbourhood (a few articles of its
 * topic around it, and its product's versions), never the whole knowledge base. The grouping is
 * computed once per build in src/lib/kb.ts; here each page only slices it, so a page's size and
 * cost do not grow with the number of articles. The sidebar names no counts, so adding an article
 * changes only the sidebars of its few neighbours.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { browseHref, entryHref, getKbIndex, shortProduct, slugify, topicOf, windowAround } from './lib/kb';

type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;

/** How many articles of the same topic the sidebar shows around the current one. */
export const NEIGHBOURS = 7;

const link = (label: string, href: string, isCurrent = false): SidebarLink => ({
  type: 'link',
  label,
  href,
  isCurrent,
  badge: undefined,
  attrs: {},
});
const group = (label: string, entries: SidebarEntry[]): SidebarEntry => ({
  type: 'group',
  label,
  entries,
  collapsed: false,
  badge: undefined,
});

/**
 * KB numbers are usually written in capitals (Q153066) but the article's address is lower case.
 * Rather than one redirect page per article, the 404 page (which hosts and `astro preview` serve
 * for any missing address) forwards a /kb/ address with capitals to its lower-case form, keeping
 * the query and the #fragment. Nothing else is rewritten, and an address that is already lower
 * case is left alone, so a missing article cannot loop.
 */
export const LOWER_CASE_FORWARD =
  "(()=>{const{pathname:p,search:s,hash:h}=location,l=p.toLowerCase();if(l!==p&&l.startsWith('/kb/'))location.replace(l+s+h)})()";

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  if (route.id === '404') {
    route.head.unshift({ tag: 'script', attrs: {}, content: LOWER_CASE_FORWARD });
    if (route.entry.data.hero) {
      route.entry.data.hero.tagline =
        'Page not found. Check the address, or search the site. Article addresses are lower case: /kb/q153066/, not /kb/Q153066/.';
    }
    return;
  }
  const kb = route.entry.data.kb;
  if (!kb) return;
  const index = await getKbIndex();
  const here = index.byId.get(kb.id);
  if (!here) return;

  const groups: SidebarEntry[] = [];
  const topic = index.topics.get(slugify(topicOf(kb)));
  if (topic) {
    const around = windowAround(topic.articles, topic.position.get(kb.id) ?? 0, NEIGHBOURS);
    groups.push(
      group(`Topic: ${topic.label}`, [
        ...around.map((a) => link(`${a.kb.id}: ${a.entry.data.title}`, entryHref(a.entry), a === here)),
        link(`All articles on ${topic.label}`, browseHref.topic(topic.label)),
      ]),
    );
  }
  for (const { product } of kb.appliesTo) {
    const p = index.products.get(slugify(product));
    if (!p) continue;
    groups.push(
      group(shortProduct(p.label), [
        ...[...p.versions.values()].map((v) =>
          link(`Version ${v.label}`, browseHref.version(p.label, v.label)),
        ),
        link(`All ${shortProduct(p.label)} articles`, browseHref.product(p.label)),
      ]),
    );
  }
  route.sidebar = [...route.sidebar, ...groups];
});
