// The CORS settings both middlewares receive, so the bench compares like with like.

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const ALLOWED_HEADERS = ['Content-Type'] as const;
export const MAX_AGE_SECONDS = 600;

/** `count` distinct exact origins, as a user with a long allow-list would write them. */
export function allowList(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `https://app-${index}.example.com`);
}

/** The Origin every request carries: the list's last entry, the worst case for a linear scan. */
export function requestOrigin(count: number): string {
  return `https://app-${count - 1}.example.com`;
}
