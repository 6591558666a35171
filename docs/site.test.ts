/**
 * The docs site, as a reader gets it: built with VitePress, served over HTTP,
 * opened in a real browser. Every page must render (a heading, no script or
 * console error), every internal link must lead to something the server has,
 * every page must be reachable from the introduction, and the code samples
 * must be on the page.
 *
 * The browser is Debian's Chromium at /usr/bin/chromium
 * (scripts/system-packages.sh installs it). Without it this test fails: a
 * skipped browser test would let a broken site pass.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages, readBlocks } from './test-support/markdown-blocks.ts';
import { type StaticServer, startStaticServer } from './test-support/static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const docsDir = import.meta.dirname;
const repoRoot = resolve(docsDir, '..');
/** The pages VitePress builds (its config leaves examples and READMEs out). */
const pages = listPages(docsDir).filter(
  (page) => !/^(examples|test-support)\//.test(page) && !page.endsWith('README.md'),
);

interface VisitedPage {
  readonly status: number | undefined;
  readonly headings: number;
  readonly errors: string[];
  readonly text: string;
  /** Every element id on the page: what `#fragment` links can point at. */
  readonly ids: readonly string[];
}

/**
 * What runs inside the page, as source text: it is the browser's code, so it
 * is written against the DOM, which the Node-side type-check does not know.
 */
const BROWSER = {
  hydrated: "document.querySelector('#app')?.__vue_app__ !== undefined",
  links: "[...document.querySelectorAll('a[href]')].map((a) => a.href)",
  text: 'document.body.innerText',
  ids: "[...document.querySelectorAll('[id]')].map((element) => element.id)",
} as const;

let outDir: string | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;
const visited = new Map<string, VisitedPage>();
/** Every same-origin link seen on any page: the status the server gave it, and a page linking it. */
const linkStatus = new Map<string, { status: number; from: string }>();
/** Every same-origin link with a fragment: the page, the fragment, a page linking it. */
const fragmentLinks = new Map<string, { page: string; fragment: string; from: string }>();

/** Why the site could not be built, served or crawled; every test reports it. */
let setupError: unknown;

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
});

describe('the built site', () => {
  it('was built, served and opened in Chromium', () => {
    expect(setupError).toBeUndefined();
  });

  it('is reachable page by page from the introduction', () => {
    requireSite();
    const unreached = pages.filter((page) => !visited.has(urlPathOf(page)));
    expect(unreached).toEqual([]);
  });

  it('has no internal link that leads nowhere', () => {
    requireSite();
    const broken = [...linkStatus]
      .filter(([, { status }]) => status !== 200)
      .map(([target, { status, from }]) => `${target} answers ${status} (linked from ${from})`);
    expect(broken).toEqual([]);
  });
});

describe('links to a section', () => {
  it('point at a heading that exists on their page', () => {
    requireSite();
    const missing = [...fragmentLinks.values()]
      .filter(({ page, fragment }) => !visited.get(page)?.ids.includes(fragment))
      .map(({ page, fragment, from }) => `${page}#${fragment} (linked from ${from})`);
    expect(missing).toEqual([]);
  });
});

describe.each(pages)('%s', (page) => {
  it('renders with a heading and no error', () => {
    requireSite();
    const visit = visited.get(urlPathOf(page));
    expect(visit, `${page} was never reached`).toBeDefined();
    expect(visit?.status).toBe(200);
    expect(visit?.headings).toBeGreaterThan(0);
    expect(visit?.errors).toEqual([]);
  });

  it('shows its code samples and their output', () => {
    requireSite();
    const text = squash(visited.get(urlPathOf(page))?.text ?? '');
    const missing: string[] = [];
    for (const block of readBlocks(docsDir, page)) {
      const marker = block.marker;
      if (marker?.kind !== 'example' && marker?.kind !== 'output') continue;
      const source =
        marker.kind === 'example'
          ? readFileSync(join(docsDir, marker.file), 'utf8')
          : block.content;
      const firstLine = source.split('\n').find((line) => line.trim() !== '') ?? '';
      if (!text.includes(squash(firstLine))) missing.push(`${marker.kind} ${marker.file}`);
    }
    expect(missing).toEqual([]);
  });
});

/** Fails the calling test with the set-up error, so no test passes or skips without a site. */
function requireSite(): void {
  if (setupError !== undefined) throw setupError;
}

async function setUp(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing: ${CHROMIUM} does not exist. Install it with ` +
        '`apt-get install chromium` (scripts/system-packages.sh does it on a fresh machine).',
    );
  }
  outDir = mkdtempSync(join(tmpdir(), 'plugin-patterns-site-'));
  await buildSite(outDir);
  server = await startStaticServer(outDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await crawl(browser, server.url);
}

/** Runs `vitepress build` in its own process (it brings its own Vite) into `dir`. */
function buildSite(dir: string): Promise<void> {
  const cli = join(docsDir, 'node_modules/vitepress/bin/vitepress.js');
  // The test runner's NODE_ENV=test would give a development build of Vue.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NO_COLOR: '1' };
  const child = spawn(process.execPath, [cli, 'build', 'docs', '--outDir', dir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => {
      if (code === 0) done();
      else fail(new Error(`vitepress build failed (exit ${code}):\n${output}`));
    });
  });
}

/** Visits every page reachable from `/`, two tabs at a time, recording what each shows and where it links. */
async function crawl(chromiumBrowser: Browser, origin: string): Promise<void> {
  const context = await chromiumBrowser.newContext();
  const queue = ['/'];
  const seen = new Set(queue);
  let busy = 0;

  const visitFrom = async (tab: Page, errors: string[], path: string): Promise<void> => {
    const response = await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
    // A page is only done once Vue has taken over the server-rendered HTML.
    if (response?.status() === 200) {
      await tab
        .waitForFunction(BROWSER.hydrated, undefined, { timeout: 10_000 })
        .catch(() => errors.push('Vue never took over the page (no hydration)'));
    }
    const hrefs = await tab.evaluate<string[]>(BROWSER.links);
    visited.set(path, {
      status: response?.status(),
      headings: await tab.locator('main h1').count(),
      errors,
      text: await tab.evaluate<string>(BROWSER.text),
      ids: await tab.evaluate<string[]>(BROWSER.ids),
    });
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const target = url.pathname === '/index.html' ? '/' : url.pathname;
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment !== '' && isPage(target)) {
        fragmentLinks.set(`${target}#${fragment}`, { page: target, fragment, from: path });
      }
      if (!linkStatus.has(target)) {
        linkStatus.set(target, { status: 0, from: path }); // claimed: fetched once
        const { status } = await fetch(`${origin}${target}`, { method: 'HEAD' });
        linkStatus.set(target, { status, from: path });
      }
      if (isPage(target) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  };

  const worker = async (): Promise<void> => {
    const tab = await context.newPage();
    let errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
    });
    for (;;) {
      const path = queue.shift();
      if (path === undefined) {
        if (busy === 0) return;
        await new Promise((wake) => setTimeout(wake, 20)); // another tab may still find pages
        continue;
      }
      busy++;
      errors = [];
      try {
        await visitFrom(tab, errors, path);
      } finally {
        busy--;
      }
    }
  };
  await Promise.all([worker(), worker()]);
  await context.close();
}

function isPage(pathname: string): boolean {
  return pathname === '/' || pathname.endsWith('.html');
}

/** The URL path VitePress gives a page: `index.md` → `/`, `discovery.md` → `/discovery.html`. */
function urlPathOf(page: string): string {
  if (page === 'index.md') return '/';
  return `/${page.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '.html')}`;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
