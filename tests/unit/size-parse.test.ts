// The regex parsers behind `npm run size` and `npm run links`, on snippets of Astro's real output.
import { describe, expect, it } from 'vitest';
import {
  findImports,
  findScripts,
  findTags,
  isRedirectPage,
  pageUrl,
  parseAttributes,
} from '../../scripts/dist-parse.mjs';

describe('findImports', () => {
  it('reads static imports, re-exports and side-effect imports in any quote', () => {
    const code =
      'import{a as e,i as t,n}from"./preact.module.Bl7PEaKa.js";import`./side.js`;' +
      "export*from'./re.js';var x=1;";
    expect(findImports(code).static).toEqual(['./preact.module.Bl7PEaKa.js', './side.js', './re.js']);
  });

  it('reads dynamic imports and the chunks Vite preloads with them', () => {
    const code =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/ui-core.DdZDRPcq.js","_astro/preload-helper.DygEbaNj.js"])))=>i.map(i=>d[i]);' +
      'import{t as e}from"./preload-helper.DygEbaNj.js";e(()=>import(`./ui-core.DdZDRPcq.js`),__vite__mapDeps([0,1]))';
    const found = findImports(code);
    expect(found.static).toEqual(['./preload-helper.DygEbaNj.js']);
    expect(found.dynamic).toEqual([
      './ui-core.DdZDRPcq.js',
      '/_astro/ui-core.DdZDRPcq.js',
      '/_astro/preload-helper.DygEbaNj.js',
    ]);
  });

  it('reads a chunk imported by its address, held as a string', () => {
    const code =
      'var t=`/_astro/pagefind-ui.DdZDRPcq.js`,n=class extends HTMLElement{async o(){let{PagefindUI:e}=await import(t)}}';
    expect(findImports(code)).toEqual({ static: [], dynamic: ['/_astro/pagefind-ui.DdZDRPcq.js'] });
  });

  it('ignores look-alikes: methods named import/from, computed specifiers, quoted prose', () => {
    const code =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: minified code that computes its specifier
      'Array.from("abc");x.import("./no.js");import(`${o}pagefind.js`);' +
      'h("p",null,"Copied from",n?.against]})]}),Q("x")';
    expect(findImports(code)).toEqual({ static: [], dynamic: [] });
  });
});

describe('HTML helpers', () => {
  it('parses attributes with entities, bare values and flags', () => {
    expect(parseAttributes(' props="{&quot;a&quot;:[0,1]}" ssr client=visible')).toEqual({
      props: '{"a":[0,1]}',
      ssr: '',
      client: 'visible',
    });
  });

  it('finds islands, scripts and redirect pages', () => {
    const html =
      '<head><meta http-equiv="refresh" content="0; url=/kb/q153066/"><script type="module" src="/_astro/page.js"></script>' +
      '<script type="module">import"/_astro/x.js"</script></head>' +
      '<astro-island uid="1" component-url="/_astro/Sim.js" renderer-url="/_astro/client.js" props="{}"></astro-island>';
    expect(findTags(html, 'astro-island')[0]['component-url']).toBe('/_astro/Sim.js');
    expect(findScripts(html).map((s) => [s.attrs.src ?? null, s.body])).toEqual([
      ['/_astro/page.js', ''],
      [null, 'import"/_astro/x.js"'],
    ]);
    expect(isRedirectPage(html)).toBe(true);
    expect(isRedirectPage('<meta name="robots" content="noindex">')).toBe(false);
  });

  it('maps built files to the URLs Astro serves them at', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('kb/q153066/index.html')).toBe('/kb/q153066/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});
