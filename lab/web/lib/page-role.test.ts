import { DEFAULT_ORIGINS } from '@cors-lab/scenarios';
import { describe, expect, it } from 'vitest';
import { pageRoleFor } from './page-role';

describe('pageRoleFor', () => {
  it('names each of the three page origins, telling localhost and 127.0.0.1 apart', () => {
    expect(pageRoleFor('http://localhost:3000', DEFAULT_ORIGINS)).toBe('web');
    expect(pageRoleFor('http://localhost:3001', DEFAULT_ORIGINS)).toBe('web-alt-port');
    expect(pageRoleFor('http://127.0.0.1:3000', DEFAULT_ORIGINS)).toBe('web-alt-host');
  });

  it('answers undefined for a server origin or any other page', () => {
    expect(pageRoleFor('http://localhost:8000', DEFAULT_ORIGINS)).toBeUndefined();
    expect(pageRoleFor('http://127.0.0.1:3001', DEFAULT_ORIGINS)).toBeUndefined();
  });
});
