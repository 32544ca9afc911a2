import { PAGE_ORIGIN_ROLES } from '@cors-lab/scenarios';
import { describe, expect, it } from 'vitest';
import { pageOriginRoles } from './page-origins.js';

describe('pageOriginRoles', () => {
  it('opens every page origin unless told otherwise', () => {
    expect(pageOriginRoles(undefined)).toEqual([...PAGE_ORIGIN_ROLES]);
    expect(pageOriginRoles(' ')).toEqual([...PAGE_ORIGIN_ROLES]);
  });

  it('keeps the named roles in catalogue order', () => {
    expect(pageOriginRoles('web-alt-host, web')).toEqual(['web', 'web-alt-host']);
  });

  it('names an unknown role', () => {
    expect(() => pageOriginRoles('web,web-https')).toThrow(
      'E2E_PAGE_ORIGINS="web,web-https" names "web-https"; expected a comma-separated list of',
    );
  });
});
