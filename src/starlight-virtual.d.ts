// Starlight's virtual modules that the Search override (src/components/overrides/Search.astro) imports.
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore' };
  export default project;
}
// The address of Pagefind's UI chunk (src/integrations/pagefind-ui-chunk.ts).
declare module 'virtual:livekb/pagefind-ui-url' {
  const url: string;
  export default url;
}
declare module 'virtual:starlight/user-config' {
  const config: { isMultilingual: boolean };
  export default config;
}

/** The address of a module built as a chunk of its own (src/integrations/chunk-url.ts). */
declare module 'chunk-url:*' {
  const url: string;
  export default url;
}
