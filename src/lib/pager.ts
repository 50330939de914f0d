/**
 * The page numbers a listing's pager links to: the first and last pages and two either side of
 * the current one, with `gap` where numbers are skipped. At most nine entries, however many pages.
 */
export function pagerItems(current: number, last: number): (number | 'gap')[] {
  const numbers = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])]
    .filter((n) => n >= 1 && n <= last)
    .sort((a, b) => a - b);
  return numbers.flatMap((n, i) => (i > 0 && n - (numbers[i - 1] ?? n) > 1 ? ['gap' as const, n] : [n]));
}

/** The address of page `n` of a listing whose first page is `base` (with a trailing slash). */
export const pageHref = (base: string, n: number) => (n === 1 ? base : `${base}${n}/`);
