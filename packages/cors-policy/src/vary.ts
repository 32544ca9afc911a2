/**
 * Adds `token` to an existing Vary value without overwriting it: tokens compare case-insensitively,
 * `*` already varies on everything. Returns `existing` itself when nothing needs adding.
 */
export function appendVary(existing: string | undefined, token: string): string {
  if (existing === undefined || existing.trim() === '') return token;
  const wanted = token.toLowerCase();
  for (const part of existing.split(',')) {
    const present = part.trim().toLowerCase();
    if (present === '*' || present === wanted) return existing;
  }
  return `${existing}, ${token}`;
}
