import { PAGE_ORIGIN_ROLES, type Origins, type PageOriginRole } from '@cors-lab/scenarios';

/** Which of the lab's page origins a page is served from, or undefined for any other origin. */
export function pageRoleFor(pageOrigin: string, origins: Origins): PageOriginRole | undefined {
  return PAGE_ORIGIN_ROLES.find((role) => origins[role] === pageOrigin);
}
