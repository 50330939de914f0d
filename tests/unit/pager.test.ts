import { describe, expect, it } from 'vitest';
import { pageHref, pagerItems } from '../../src/lib/pager';

describe('browse pager', () => {
  it('lists every page of a short listing', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps first, last and two either side, with gaps, however long the listing', () => {
    expect(pagerItems(1, 200)).toEqual([1, 2, 3, 'gap', 200]);
    expect(pagerItems(100, 200)).toEqual([1, 'gap', 98, 99, 100, 101, 102, 'gap', 200]);
    expect(pagerItems(200, 200)).toEqual([1, 'gap', 198, 199, 200]);
    for (let current = 1; current <= 300; current++)
      expect(pagerItems(current, 300).length).toBeLessThanOrEqual(9);
  });

  it('writes page 1 as the listing itself and later pages below it', () => {
    expect(pageHref('/browse/topic/ipc/', 1)).toBe('/browse/topic/ipc/');
    expect(pageHref('/browse/topic/ipc/', 3)).toBe('/browse/topic/ipc/3/');
  });
});
