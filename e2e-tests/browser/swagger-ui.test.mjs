// The gateway's Swagger UI as a new integrator meets it: open it, Authorize as vr-VR01 with client credentials,
// open a CNO location of 225 places with "Try it out" (201), then read VR01's figures (200) - all through the gateway.
// Needs a running local stack (README) and Debian's chromium; GATEWAY_URL defaults to http://localhost:8080.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const gateway = process.env.GATEWAY_URL ?? 'http://localhost:8080';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

test('an integrator authorizes as vr-VR01 in Swagger UI, opens a CNO location (201) and sees its places in VR01', async () => {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],  // playwright gives the browser a new empty profile itself
  });
  try {
    const page = await browser.newPage();
    const apiCalls = [];
    page.on('request', request => { if (request.url().includes('/cno-locations') || request.url().includes('/regions/')) apiCalls.push(request.url()); });

    await page.goto(`${gateway}/swagger-ui.html`);
    await page.getByRole('heading', { name: /Doorstroom capacity API/ }).waitFor({ timeout: 30_000 });

    // Authorize with the README's demo client, through the issuer's client-credentials flow
    await page.locator('button.authorize').first().click();
    const flow = page.locator('.auth-container').filter({ hasText: 'clientCredentials' });
    await flow.locator('input[data-name="clientId"]').fill('vr-VR01');
    await flow.locator('input[data-name="clientSecret"]').fill('vr-VR01-secret');
    await flow.locator('button.authorize').click();
    await flow.locator('button', { hasText: 'Logout' }).waitFor({ timeout: 15_000 });
    await page.locator('.modal-ux button.close-modal').click();

    // POST /cno-locations with the document's example body, under an id of its own
    const open = page.locator('#operations-capacity-open');
    await open.locator('.opblock-summary').click();
    await open.getByRole('button', { name: 'Try it out' }).click();
    const body = JSON.parse(await open.locator('textarea.body-param__text').inputValue());
    assert.equal(body.places, 225);
    assert.equal(body.veiligheidsregio, 'VR01');
    const locationId = `CNO-BROWSER-${Date.now()}`;
    await open.locator('textarea.body-param__text').fill(JSON.stringify({ ...body, locationId }, null, 2));
    await open.getByRole('button', { name: 'Execute' }).click();
    const status = open.locator('.live-responses-table .response .response-col_status');
    await status.first().waitFor({ timeout: 15_000 });
    assert.equal((await status.first().innerText()).trim(), '201');
    assert.match(await open.locator('.live-responses-table .response .response-col_description').first().innerText(),
      new RegExp(`location: /api/capacity/locations/${locationId}`));

    // GET /regions/VR01 shows the places (the read model follows within moments: execute again until it does)
    const region = page.locator('#operations-capacity-region');
    await region.locator('.opblock-summary').click();
    await region.getByRole('button', { name: 'Try it out' }).click();
    await region.locator('input[placeholder="veiligheidsregio"]').fill('VR01');
    let figures;
    for (let attempt = 0; attempt < 20; attempt++) {
      await region.getByRole('button', { name: 'Execute' }).click();
      const answer = region.locator('.live-responses-table .response .response-col_description .highlight-code pre').first();
      await answer.waitFor({ timeout: 15_000 });
      figures = JSON.parse(await answer.innerText());
      if (figures.realised >= 225) break;
      await page.waitForTimeout(500);
    }
    assert.equal((await region.locator('.live-responses-table .response .response-col_status').first().innerText()).trim(), '200');
    assert.ok(figures.realised >= 225, `VR01 shows ${figures.realised} places realised`);

    // every call went to the gateway's paths, none to a service's own address
    assert.ok(apiCalls.length >= 2, `calls made: ${apiCalls}`);
    for (const url of apiCalls) assert.ok(url.startsWith(`${gateway}/api/capacity/`), url);
  } finally {
    await browser.close();
  }
});
