/**
 * The docs site, as a reader gets it: built with VitePress, served over HTTP,
 * opened in a real browser. Every page must render (a heading, no script or
 * console error), every internal link must lead to something the server has
 * (the crawl follows them all, the pages built for source files included),
 * every external link must be a well-formed https URL to a real host, every
 * page must be reachable from the introduction, and the code samples must be
 * on the page. Every diagram must be drawn (an SVG), at a desktop and at a
 * phone's width, and nothing may overflow its column.
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
/** The pages VitePress builds (its config leaves examples and READMEs out; `[file].md` is a template). */
const pages = listPages(docsDir).filter(
  (page) =>
    !/^(examples|test-support)\//.test(page) && !page.endsWith('README.md') && !page.includes('['),
);
/** The widths a reader brings: a desktop, and a phone held upright. */
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 812 },
] as const;

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
  /** Diagrams on the page, and how many of them hold a drawn SVG. */
  diagrams: `(() => {
    const all = [...document.querySelectorAll('.vp-doc div.mermaid')];
    return { total: all.length, drawn: all.filter((d) => d.querySelector('svg')).length };
  })()`,
  /**
   * What sticks out of its column: the page scrolling sideways, or a diagram,
   * image or table wider than the content column (a code block or a table
   * that scrolls inside itself does not count).
   */
  overflow: `(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      out.push('the page scrolls sideways: ' + doc.scrollWidth + 'px in ' + window.innerWidth + 'px');
    }
    const column = document.querySelector('.vp-doc');
    if (column === null) return out;
    const edge = column.getBoundingClientRect();
    // A table is its own scroll box (VitePress styles it so): its box must fit, its rows may scroll.
    for (const element of column.querySelectorAll('div.mermaid svg, img, table')) {
      const box = element.getBoundingClientRect();
      if (box.left < edge.left - 1 || box.right > edge.right + 1) {
        const what = element.tagName.toLowerCase();
        out.push(what + ' ' + Math.round(box.width) + 'px wide in a ' + Math.round(edge.width) + 'px column');
      }
    }
    return out;
  })()`,
} as const;

let outDir: string | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;
const visited = new Map<string, VisitedPage>();
/** Every same-origin link seen on any page: the status the server gave it, and a page linking it. */
const linkStatus = new Map<string, { status: number; from: string }>();
/** Every same-origin link with a fragment: the page, the fragment, a page linking it. */
const fragmentLinks = new Map<string, { page: string; fragment: string; from: string }>();
/** Every link to another site, and a page linking it. */
const externalLinks = new Map<string, string>();
/** Per page with diagrams, per viewport: how many there are, how many drew, what overflows. */
const layouts = new Map<string, { total: number; drawn: number; overflow: string[] }>();

/** Why the site could not be built, served or crawled; every test reports it. */
let setupError: unknown;

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
}, 480_000);

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

describe('links to other sites', () => {
  it('are well-formed https URLs to real hosts', () => {
    requireSite();
    const bad = [...externalLinks]
      .filter(([href]) => whyNotRealHttps(href) !== undefined)
      .map(([href, from]) => `${href} (linked from ${from}): ${whyNotRealHttps(href)}`);
    expect(bad).toEqual([]);
  });

  it('are checked by a rule that can fail', () => {
    expect(whyNotRealHttps('https://doughellmann.com/posts/')).toBeUndefined();
    expect(whyNotRealHttps('http://doughellmann.com/')).toBe('not https');
    expect(whyNotRealHttps('https://example.invalid/x')).toBe('a reserved host name');
    expect(whyNotRealHttps('https://localhost:3000/')).toBe('a reserved host name');
    expect(whyNotRealHttps('https://nodots/')).toBe('not a public host name');
    expect(whyNotRealHttps('not a url')).toBe('not a URL');
  });
});

describe.each(pages.filter((page) => diagramsIn(page) > 0))('the diagrams of %s', (page) => {
  it.each(VIEWPORTS)('are drawn at $name width ($width px), inside their column', ({ name }) => {
    requireSite();
    const layout = layouts.get(`${urlPathOf(page)} ${name}`);
    expect(layout, `${page} was not opened at ${name} width`).toBeDefined();
    expect(layout?.total).toBe(diagramsIn(page));
    expect(layout?.drawn).toBe(diagramsIn(page));
    expect(layout?.overflow).toEqual([]);
  });
});

describe.each(VIEWPORTS)('every page at $name width', ({ name }) => {
  it('fits its column', () => {
    requireSite();
    const overflowing = pages
      .map((page) => [page, layouts.get(`${urlPathOf(page)} ${name}`)?.overflow] as const)
      .filter(([, overflow]) => overflow === undefined || overflow.length > 0)
      .map(([page, overflow]) => `${page}: ${overflow?.join('; ') ?? 'not opened'}`);
    expect(overflowing).toEqual([]);
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
  for (const viewport of VIEWPORTS) await measure(browser, server.url, viewport);
}

/**
 * Opens every page at one viewport and waits for its diagrams to be drawn
 * (Mermaid draws in the browser, after the page has loaded), then records
 * how many there are, how many drew, and what overflows its column.
 */
async function measure(
  chromiumBrowser: Browser,
  origin: string,
  viewport: (typeof VIEWPORTS)[number],
): Promise<void> {
  const context = await chromiumBrowser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
  });
  const tab = await context.newPage();
  for (const page of pages) {
    const path = urlPathOf(page);
    await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
    await tab.waitForFunction(BROWSER.hydrated, undefined, { timeout: 10_000 }).catch(() => {});
    const expected = diagramsIn(page);
    if (expected > 0) {
      await tab
        .waitForFunction(`${BROWSER.diagrams}.drawn >= ${expected}`, undefined, { timeout: 15_000 })
        .catch(() => {}); // the test reports what was drawn
    }
    const { total, drawn } = await tab.evaluate<{ total: number; drawn: number }>(BROWSER.diagrams);
    const overflow = await tab.evaluate<string[]>(BROWSER.overflow);
    layouts.set(`${path} ${viewport.name}`, { total, drawn, overflow });
  }
  await context.close();
}

/** How many Mermaid diagrams the page's Markdown holds. */
function diagramsIn(page: string): number {
  return readBlocks(docsDir, page).filter((block) => block.lang === 'mermaid').length;
}

/**
 * Why a link to another site is not a well-formed https URL to a real host,
 * or undefined. The test machine has no internet, so hosts are judged by
 * their names: https only, a dotted public name, none of the names reserved
 * for examples and tests (RFC 2606, RFC 6761).
 */
function whyNotRealHttps(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:') return 'not https';
  const host = url.hostname.toLowerCase();
  const reserved = /(^|\.)(localhost|invalid|test|example|local)$|^example\.(com|net|org)$/;
  if (reserved.test(host)) return 'a reserved host name';
  if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(host)) return 'not a public host name';
  return undefined;
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

/** Opens a page in a tab, waits for Vue to take over, records what it shows; answers its links. */
async function openInBrowser(
  tab: Page,
  errors: string[],
  origin: string,
  path: string,
): Promise<string[]> {
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
  return hrefs;
}

/**
 * A source page (one per linked file, about a hundred) is read over HTTP, not
 * in the browser: it is the same template every time, holding one code block,
 * and what the crawl needs of it is that it is there and where it links.
 */
async function readSourcePage(origin: string, path: string): Promise<string[]> {
  const response = await fetch(`${origin}${path}`);
  const html = await response.text();
  visited.set(path, {
    status: response.status,
    headings: (html.match(/<h1[\s>]/g) ?? []).length,
    errors: [],
    text: '',
    ids: [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? ''),
  });
  const base = new URL(path, origin);
  return [...html.matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)].map(
    (match) => new URL((match[1] ?? '').replaceAll('&amp;', '&'), base).href,
  );
}

/** Visits every page reachable from `/`, two tabs at a time, recording what each shows and where it links. */
async function crawl(chromiumBrowser: Browser, origin: string): Promise<void> {
  const context = await chromiumBrowser.newContext();
  const queue = ['/'];
  const seen = new Set(queue);
  let busy = 0;

  const visitFrom = async (tab: Page, errors: string[], path: string): Promise<void> => {
    const hrefs = path.startsWith('/source/')
      ? await readSourcePage(origin, path)
      : await openInBrowser(tab, errors, origin, path);
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) {
        if (!externalLinks.has(href)) externalLinks.set(href, path);
        continue;
      }
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
