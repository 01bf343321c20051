/**
 * Who commented on a published list is personal data: readers of aggregates (ANALYST)
 * read this placeholder instead of a commenter's name, as they read no complainant's.
 */
export const WITHHELD_COMMENTER = '[withheld]';

interface CommentedList {
  comments: Array<{ commenterName: string }>;
}

function withheld<L extends CommentedList>(list: L): L {
  if (list.comments.length === 0) return list;
  return { ...list, comments: list.comments.map((c) => ({ ...c, commenterName: WITHHELD_COMMENTER })) };
}

export function withholdCommentersOf<L extends CommentedList>(list: L | null): L | null {
  return list === null ? null : withheld(list);
}

export function withholdCommentersOfAll<L extends CommentedList>(lists: L[]): L[] {
  return lists.map(withheld);
}
