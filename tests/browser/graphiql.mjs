// Headless-Chromium check of the GraphiQL page with no network beyond the API itself.
//
// Usage (graphiql.sh starts the API and sets these):
//   API_URL=http://127.0.0.1:18090 FIRM_TOKEN=<a firm's bearer token> OUT=<folder> node graphiql.mjs
//
// It loads `GET /graphql` in Chromium whose every host name but 127.0.0.1 fails to resolve, and
// whose requests to anything but the API are aborted and counted; then it checks that
//   1. GraphiQL renders (React, ReactDOM and GraphiQL loaded from the API);
//   2. the documentation explorer shows the schema (root types, then `Query` with `memberUnits`);
//   3. the default example query runs and returns the 177 member units;
//   4. a subscription runs over `/graphql/ws` with the token typed in the Headers tab: the firm
//      subscribes to `orderClassDemandChanged`, the script creates a demand as that firm, and the
//      event appears in GraphiQL's result pane;
//   5. no request left for any other host.
// It saves screenshots (docs.png, query.png, subscription.png) in OUT and prints a JSON summary;
// the exit code is 0 only when every check passed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const api = process.env.API_URL ?? 'http://127.0.0.1:18090';
const token = process.env.FIRM_TOKEN ?? '';
const out = process.env.OUT ?? 'out';
mkdirSync(out, { recursive: true });
const apiHost = new URL(api).host;

const checks = [];
const external = [];
const consoleErrors = [];
function check(name, ok, detail) {
  checks.push({ name, ok: Boolean(ok), detail });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // No name resolves but the API's: a CDN reference would fail here as it does offline.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === apiHost) return route.continue();
    external.push(url.href);
    return route.abort('internetdisconnected');
  });
  const sockets = [];
  page.on('websocket', (ws) => {
    sockets.push(ws.url());
    if (new URL(ws.url()).host !== apiHost) external.push(ws.url());
  });

  // 1. The page renders.
  const response = await page.goto(`${api}/graphql`, { waitUntil: 'load' });
  check('page answers 200', response?.status() === 200, response?.status());
  await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  const globals = await page.evaluate(() => ({
    react: typeof window.React,
    reactDom: typeof window.ReactDOM,
    graphiql: typeof window.GraphiQL,
  }));
  check(
    'React, ReactDOM and GraphiQL loaded from the API',
    globals.react === 'object' && globals.reactDom === 'object' && globals.graphiql === 'function',
    globals,
  );

  // 2. The documentation explorer shows the schema.
  await page.getByRole('button', { name: /Documentation Explorer/i }).first().click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Root Types').waitFor({ timeout: 30_000 });
  await docs.locator('a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).first().click();
  await docs.getByText('memberUnits', { exact: true }).first().waitFor({ timeout: 10_000 });
  check('docs show the Query type and memberUnits', true);
  await page.screenshot({ path: `${out}/docs.png` });

  // 3. The default example query runs.
  const editorValue = (selector) =>
    page.evaluate((s) => document.querySelector(s)?.CodeMirror?.getValue() ?? null, selector);
  const defaultQuery = await editorValue('.graphiql-query-editor .CodeMirror');
  check('the default example query is shown', /memberUnits/.test(defaultQuery ?? ''), null);
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.result-window');
  await result.getByText('"totalCount": 177').waitFor({ timeout: 30_000 });
  check('the example query returns the 177 members', true);
  await page.screenshot({ path: `${out}/query.png` });

  // 4. A subscription over /graphql/ws with the Headers tab's token.
  if (token) {
    await page.evaluate(() => {
      document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(
        'subscription Demands {\n  orderClassDemandChanged { kind orderClassDemand { specialtyName totalHeadcount } }\n}\n',
      );
    });
    await page.getByRole('button', { name: /^Headers$/ }).click();
    await page.evaluate((t) => {
      const editors = [...document.querySelectorAll('.graphiql-editor-tool .graphiql-editor')];
      const headers = editors.find((e) => !e.classList.contains('hidden'));
      headers.querySelector('.CodeMirror').CodeMirror.setValue(
        JSON.stringify({ Authorization: `Bearer ${t}` }),
      );
    }, token);
    await page.locator('.graphiql-execute-button').click();
    // Wait until the socket is open and subscribed, then make an event.
    await page.waitForTimeout(1_500);
    const created = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'mutation { createOrderClassDemand(input: { specialtyName: "浏览器检查专业", headcount: 7, startYear: 2027, startTerm: AUTUMN }) { orderClassDemand { id } userErrors { code message } } }',
      }),
    }).then((r) => r.json());
    const made = created?.data?.createOrderClassDemand?.orderClassDemand?.id;
    check('a demand was created to make an event', Boolean(made), created);
    await result.getByText('浏览器检查专业').waitFor({ timeout: 15_000 });
    check(
      'the subscription event appears in GraphiQL',
      true,
      sockets.filter((s) => s.endsWith('/graphql/ws')).length,
    );
    await page.screenshot({ path: `${out}/subscription.png` });
  } else {
    check('subscription (FIRM_TOKEN not set)', false, 'skipped');
  }
} catch (e) {
  check('no step failed', false, String(e).slice(0, 500));
  const page = browser.contexts()[0]?.pages()[0];
  if (page) {
    await page.screenshot({ path: `${out}/failure.png` }).catch(() => {});
    const shown = await page
      .locator('.result-window')
      .innerText()
      .catch(() => '');
    check('result pane at the failure', false, shown.slice(0, 500));
  }
} finally {
  await browser.close();
}
check('no request left for another host', external.length === 0, external.slice(0, 10));

const passed = checks.every((c) => c.ok);
console.log(JSON.stringify({ passed, checks, consoleErrors: consoleErrors.slice(0, 10) }, null, 2));
process.exit(passed ? 0 : 1);
