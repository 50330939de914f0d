/** Articles per page on the browse listings. */
export const PAGE_SIZE = 50;
