// Chromium's Local Network Access, refused and then permitted: the public-address page (made
// public with --ip-address-space-overrides, see engines/projects.ts) calls the API on loopback.
import { originsFromEnv } from '@cors-lab/scenarios';
import { expect, test } from '../engines/fixture.js';

const origins = originsFromEnv(process.env);
const API = `${origins.api}/lab/scheme/echo?run=local-network-access`;

const fetchFrom = async (url: string) => {
  try {
    const response = await fetch(url);
    return { readable: true, status: response.status };
  } catch (error) {
    return { readable: false, message: (error as Error).message };
  }
};

// A file-level skip reads browserName without launching another engine's browser.
test.skip(
  ({ browserName }) => browserName !== 'chromium',
  'Local Network Access exists only in Chromium.',
);

test('Chromium refuses a public page the loopback API until the local-network-access permission is granted', async ({
  browser,
}) => {
  const page = origins['web-public'];

  const refused = await browser.newContext();
  const before = await refused.newPage();
  await before.goto(`${page}/`);
  expect(await before.evaluate(fetchFrom, API)).toEqual({
    readable: false,
    message: 'Failed to fetch',
  });
  await refused.close();

  // What a user's "Allow" in the prompt does; a test grants it up front.
  const granted = await browser.newContext();
  await granted.grantPermissions(['local-network-access'], { origin: page });
  const after = await granted.newPage();
  await after.goto(`${page}/`);
  expect(await after.evaluate(fetchFrom, API)).toEqual({ readable: true, status: 200 });
  await granted.close();
});
