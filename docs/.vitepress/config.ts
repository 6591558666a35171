/**
 * The docs site: one page per stage of the plugin pipeline and one per
 * invocation pattern, in the order a reader meets them. Base `/` and plain
 * `.html` URLs keep the built site servable by any static file server, which
 * is what the browser test does. Diagrams are Mermaid blocks, drawn in the
 * browser by vitepress-plugin-mermaid; each linked source file gets a page of
 * its own (source/[file].paths.ts).
 *
 * The sidebar is made of the lists below: a new page is one line in the list
 * it belongs to.
 */
import { defineConfig } from 'vitepress';
import { withMermaid } from 'vitepress-plugin-mermaid';
import { sourceLinks } from './source-links.ts';

const start = [
  { text: 'What this is', link: '/' },
  { text: 'From the essay', link: '/from-the-essay' },
  { text: 'If you know stevedore', link: '/if-you-know-stevedore' },
  { text: 'Coming from pluggy or tapable', link: '/coming-from-pluggy-or-tapable' },
  { text: 'Plugin hosts compared', link: '/hosts' },
];

const stages = [
  { text: 'Discovery', link: '/discovery' },
  { text: 'Static manifest', link: '/static-manifest' },
  { text: 'Enabling', link: '/enabling' },
  { text: 'Importing', link: '/importing' },
  { text: 'Integration', link: '/integration' },
  { text: 'Enforcement', link: '/enforcement' },
  { text: 'Invocation', link: '/invocation' },
];

const patterns = [
  { text: 'Driver', link: '/driver' },
  { text: 'Dispatcher', link: '/dispatch' },
  { text: 'Iterator', link: '/iterator' },
];

const guides = [
  { text: 'Choosing a pattern', link: '/choosing-a-pattern' },
  { text: 'Writing a plugin', link: '/writing-a-plugin' },
  { text: 'Use it outside this repository', link: '/use-it-outside-this-repository' },
  { text: 'Security', link: '/security' },
  { text: 'Isolation', link: '/isolation' },
  { text: 'The bus', link: '/bus' },
  { text: 'Tracing', link: '/tracing' },
  { text: 'Benchmarks', link: '/benchmarks' },
  { text: 'How tapable gets its speed', link: '/how-tapable-gets-its-speed' },
];

export default withMermaid(
  defineConfig({
    title: 'plugin-patterns',
    description:
      'How an application loads plugins: discovery, enabling, importing, integration, enforcement and invocation, as runnable TypeScript.',
    base: '/',
    cleanUrls: false,
    lastUpdated: false,
    head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
    // Test files and example sources live beside the pages; they are not pages.
    srcExclude: ['**/README.md', 'examples/**', 'test-support/**'],
    // A link to a source file that does not exist is a 404 that the browser
    // test reports by name; failing the whole build for it would hide the rest.
    ignoreDeadLinks: [/^\/source\//],
    markdown: {
      // Links to sources outside docs/ work on a repository host as they are;
      // on the site they lead to the site's own page for that file.
      config: (md) => sourceLinks(md),
    },
    themeConfig: {
      nav: [
        { text: 'Introduction', link: '/' },
        { text: 'Stages', link: '/discovery' },
        { text: 'Patterns', link: '/invocation' },
        { text: 'Choosing a pattern', link: '/choosing-a-pattern' },
        { text: 'Writing a plugin', link: '/writing-a-plugin' },
      ],
      sidebar: [
        { text: 'Introduction', items: start },
        { text: 'The six stages', items: stages },
        { text: 'The three patterns', items: patterns },
        { text: 'Guides', items: guides },
      ],
      outline: { level: [2, 3] },
      search: { provider: 'local' },
    },
    // Drawn in the browser; strict: no HTML or scripts inside a diagram's labels.
    // SVG text labels: HTML labels are measured before the page font loads, and get clipped.
    mermaid: { securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } },
  }),
);
