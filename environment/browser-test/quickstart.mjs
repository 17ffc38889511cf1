// Opens notebooks/01-quickstart in Jupyter Notebook (already served by the caller) in headless Debian Chromium,
// runs every cell from the Cell menu, types one more cell that draws a chart, and checks that the charts appear
// as PNG images with no error output. Usage: node quickstart.mjs BASE_URL TOKEN SCREENSHOT_DIR
// Exit code 0 on success; 1 with a one-line reason otherwise. Every wait is bounded.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, token, shots] = process.argv.slice(2);
if (!base || !token || !shots) {
  console.error('usage: node quickstart.mjs BASE_URL TOKEN SCREENSHOT_DIR');
  process.exit(2);
}
const PNG = '.output_area img[src^="data:image/png"]';
const profile = mkdtempSync(join(tmpdir(), 'foolshap-chromium-'));
let context;
let status = 1;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 1600 },
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/notebooks/01-quickstart.ipynb?token=${token}`);
  // The notebook UI is up and its kernel is connected and idle.
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 90_000 });
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 90_000 });
  console.log('notebook open, kernel idle');

  // Cell > Run All, as a reader would.
  await page.click('#celllink');
  await page.click('#run_all_cells');
  await page.waitForSelector(PNG, { timeout: 240_000 });
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 240_000 });
  console.log(`run all: ${await page.locator(PNG).count()} image(s)`);

  // A new cell typed at the end: the attributions with an honest background alone.
  await page.evaluate(() => {
    const nb = Jupyter.notebook;
    nb.select(nb.ncells() - 1);
    nb.insert_cell_below('code');
    nb.select_next();
    nb.edit_mode();
  });
  await page.keyboard.insertText('Figures.attributions(attack.before(), "sex")');
  const before = await page.locator(PNG).count();
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [PNG, before],
      { timeout: 60_000 });
  const img = page.locator(PNG).last();
  await img.scrollIntoViewIfNeeded();
  const size = await img.evaluate((e) => [e.naturalWidth, e.naturalHeight]);
  const errors = await page.locator('.output_error').count();
  await page.screenshot({ path: join(shots, 'quickstart.png'), fullPage: false });
  console.log(`typed cell: image ${size[0]}x${size[1]}, error outputs: ${errors}`);
  if (size[0] < 200 || size[1] < 100) throw new Error(`chart image too small: ${size}`);
  if (errors > 0) {
    const text = await page.locator('.output_error').first().innerText();
    throw new Error(`error output in the notebook: ${text.split('\n')[0]}`);
  }
  // Leave the notebook unchanged on disk: no save; the caller serves a copy anyway.
  status = 0;
} catch (e) {
  console.error(`browser test failed: ${e.message.split('\n')[0]}`);
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
