// Public documents behind the engine differences of the scheme, site-cookie and local-network
// scenarios. Each difference was first observed in the e2e suite's engines, then looked up.

/** Chromium: CHIPS, and unpartitioned cookies refused in a cross-site context where third-party cookies are blocked. */
export const CHROMIUM_CHIPS = 'https://developer.chrome.com/docs/privacy-security/chips';
/** Chromium: same-site takes the scheme into account (http://localhost and https://localhost are two sites). */
export const CHROMIUM_SCHEMEFUL_SAME_SITE = 'https://web.dev/articles/schemeful-samesite';
/** Chromium: a cookie without SameSite is treated as Lax, and SameSite=None requires Secure. */
export const CHROMIUM_SAME_SITE_UPDATES = 'https://www.chromium.org/updates/same-site/';
/** Chromium: Local Network Access, a permission before a public page may reach loopback or the local network. */
export const CHROMIUM_LOCAL_NETWORK_ACCESS =
  'https://developer.chrome.com/blog/local-network-access';
/** Firefox: schemeful same-site is behind a preference that is off by default. */
export const FIREFOX_SCHEMELESS_SAME_SITE =
  'https://searchfox.org/mozilla-central/search?q=network.cookie.sameSite.schemeful';
/** Firefox: cookies without SameSite are not Lax by default (the preference is off). */
export const FIREFOX_NOT_LAX_BY_DEFAULT =
  'https://searchfox.org/mozilla-central/search?q=network.cookie.sameSite.laxByDefault';
/** WebKit: full third-party cookie blocking (ITP); WebKitGTK does not implement CHIPS either. */
export const WEBKIT_THIRD_PARTY_BLOCKING =
  'https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/';
/** WebKit: treats http://localhost and loopback addresses as mixed content from an https page. */
export const WEBKIT_LOOPBACK_MIXED_CONTENT = 'https://bugs.webkit.org/show_bug.cgi?id=171934';
/** Set-Cookie reference with each engine's support of schemeful same-site and "None requires Secure". */
export const MDN_SAME_SITE =
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#samesitesamesite-value';
