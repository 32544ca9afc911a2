// Which page origins a run opens /matrix from: all of them, unless E2E_PAGE_ORIGINS names some
// (test:docker's containers serve the three http ones).
import { PAGE_ORIGIN_ROLES, type PageOriginRole } from '@cors-lab/scenarios';

/**
 * The roles in E2E_PAGE_ORIGINS (comma-separated, e.g. `web,web-alt-port,web-alt-host`); every
 * page origin when unset or empty.
 * @throws Error naming an unknown role and listing the known ones.
 */
export function pageOriginRoles(value: string | undefined): PageOriginRole[] {
  if (value === undefined || value.trim() === '') return [...PAGE_ORIGIN_ROLES];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(PAGE_ORIGIN_ROLES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `E2E_PAGE_ORIGINS=${JSON.stringify(value)} names ${unknown.map((name) => JSON.stringify(name)).join(', ')}; ` +
        `expected a comma-separated list of ${PAGE_ORIGIN_ROLES.join(', ')}, or unset for all.`,
    );
  }
  return PAGE_ORIGIN_ROLES.filter((role) => names.includes(role));
}
