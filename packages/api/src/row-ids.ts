import { v7 } from 'uuid';

/**
 * Ids of new petitions and petitioners: UUIDv7, which start with the time. Random (v4) ids put every new row's
 * primary-key, foreign-key and search-index entries on a random page of indexes that hold millions of rows — a page
 * read and, after each checkpoint, a full-page image in the WAL apiece; time-ordered ids append at the right edge.
 */
export function newRowId(): string {
  return v7();
}
