/**
 * The form names are searched in: lower case, without Vietnamese diacritics, and with
 * đ written d, so "nguyen van an", "Nguyen Van" and "văn an" all find "Nguyễn Văn An".
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
