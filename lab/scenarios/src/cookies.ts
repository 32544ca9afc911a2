import type { CookieAttributes, LabCookie } from './types.js';

/** Every cookie the lab's API sets, with the attributes it sets it with (besides `HttpOnly; Path=/lab`). */
export const LAB_COOKIES: Readonly<Record<LabCookie, CookieAttributes>> = {
  lab_sid: { sameSite: 'Lax', secure: false, partitioned: false },
  lab_secure_sid: { sameSite: 'None', secure: true, partitioned: false },
  site_lax: { sameSite: 'Lax', secure: false, partitioned: false },
  site_strict: { sameSite: 'Strict', secure: false, partitioned: false },
  site_none_secure: { sameSite: 'None', secure: true, partitioned: false },
  site_none: { sameSite: 'None', secure: false, partitioned: false },
  site_partitioned: { sameSite: 'None', secure: true, partitioned: true },
  site_default: { secure: false, partitioned: false },
};

/** The attributes as a `Set-Cookie` header lists them, e.g. `SameSite=None; Secure; Partitioned`. */
export function describeCookie(attributes: CookieAttributes): string {
  const parts = [
    attributes.sameSite ? `SameSite=${attributes.sameSite}` : 'no SameSite',
    ...(attributes.secure ? ['Secure'] : []),
    ...(attributes.partitioned ? ['Partitioned'] : []),
  ];
  return parts.join('; ');
}
