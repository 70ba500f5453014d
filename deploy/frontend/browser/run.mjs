// Serves page.html from its own origin and drives Debian's Chromium (headless, through playwright-core) through it
// against a running engagement-service. Usage: API_URL=http://127.0.0.1:8081 TOKEN=… PAGE_PORT=… node run.mjs
// Prints the page's findings as one JSON line ("[browser] {...}"); BrowserIT (system tests) asserts on them.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const api = process.env.API_URL;
const token = process.env.TOKEN;
const port = Number(process.env.PAGE_PORT);
const html = readFileSync(new URL('./page.html', import.meta.url));
const server = createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(html); });
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log(`[page] ${m.text()}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  const result = await page.evaluate(([a, t]) => window.runChecks(a, t), [api, token]);
  const steps = await page.locator('#steps li').allTextContents();
  steps.forEach((s, i) => console.log(`[browser] step ${i + 1}: ${s}`));
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  console.log(`[browser] ${JSON.stringify(result)}`);
} finally {
  await browser.close();
  server.close();
}
