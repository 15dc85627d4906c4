// Whatever a coalition writes, the HTML renderer never throws, and the HTML it
// makes contains nothing active and nothing the browser would fetch by itself
// when the file is opened: no script, no event handler, no external resource.
// Web links stay plain links on purpose; a reader has to click them.
//
// The HTML is checked as a browser sees it: parsed by Chromium's own HTML
// parser (DOMParser), not with regexes, because what counts is what the parser
// makes of entities, odd casing, unclosed tags and SVG/MathML content. No HTML
// parser package (parse5, rehype-parse …) is installed, and the browser the PDF
// tests use is the real thing; where there is none, only the never-throws
// properties run.
import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { report } from '../../src/commands/report.js';
import { browserArgs } from '../../src/report/browser-process.js';
import { markdownToHtml, type MarkdownContext, type ReportWarning } from '../../src/report/markdown-to-html.js';
import { copyOf, tempDir } from '../helpers/folders.js';
import { testBrowser } from '../helpers/pdf-tools.js';
import { REPO } from '../helpers/run.js';

const DATE = '2026-03-01';
const BOUWBLAD = 'bouwbladen/meso-samenwerking/periode-1.md';
const BOUWSTEEN = 'bouwstenen/meso-samenwerking.md';
// A real 1×1 PNG: the one kind of image that may end up in the report, as a data: URI.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const browserPath = testBrowser();
const noBrowser = browserPath ? undefined : 'geen browser (Chrome, Edge of Chromium) gevonden om de HTML mee te lezen';

/** A coalition copy with a real image and a fake one next to the bouwblad, so image embedding is exercised too. */
function coalition(): string {
  const dir = copyOf('examples/voorbeeldcoalitie');
  writeFileSync(join(dir, 'bouwbladen/meso-samenwerking/plaatje.png'), PNG);
  writeFileSync(join(dir, 'bouwstenen/plaatje.png'), PNG);
  writeFileSync(join(dir, 'bouwbladen/meso-samenwerking/nep.png'), '<script>alert(1)</script>');
  mkdirSync(join(dir, 'bouwbladen/meso-samenwerking/map'), { recursive: true });
  return dir;
}

// ---------------------------------------------------------------- generators

const HOSTILE_MARKDOWN = [
  '<script>alert(1)</script>',
  '<ScRiPt src=//evil.example/x.js></sCrIpT>',
  '<script',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="plaatje.png" ONERROR="alert(1)">',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><style>@import url(http://evil.example/x.css)</style></svg>',
  '<svg><use xlink:href="http://evil.example/x.svg#a"/></svg>',
  '<svg><image href="http://evil.example/x.png"/></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<iframe src="http://evil.example/"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<object data="http://evil.example/x.swf"></object>',
  '<embed src="http://evil.example/x.swf">',
  '<link rel="stylesheet" href="http://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
  '<base href="http://evil.example/">',
  '<style>@import url(http://evil.example/x.css);</style>',
  '<style>body{background:url(http://evil.example/x.png)}</style>',
  '<p style="background:url(http://evil.example/x.png)">x</p>',
  '<div style="background-image:u\\72l(//evil.example/x)">x</div>',
  '<form action="http://evil.example/"><button formaction="http://evil.example/">x</button></form>',
  '<img srcset="http://evil.example/x.png 2x">',
  '<video poster="http://evil.example/x.png" src="http://evil.example/x.mp4"></video>',
  '<audio src="http://evil.example/x.mp3"></audio>',
  '<table background="http://evil.example/x.png"><tr><td>x</td></tr></table>',
  '<a href="https://ok.example/" onclick="alert(1)" ping="http://evil.example/p">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<input autofocus onfocus=alert(1)>',
  '<isindex action="javascript:alert(1)">',
  '[klik](javascript:alert(1))',
  '[klik](JaVaScRiPt:alert(1))',
  '[klik](vbscript:msgbox(1))',
  '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klik](&#106;avascript:alert(1))',
  '[klik](jav&#x09;ascript:alert(1))',
  '[klik](<javascript:alert(1)>)',
  '[klik](https://ok.example/ "titel\\" onmouseover=\\"alert(1)")',
  '[klik](https://ok.example/"onmouseover="alert(1))',
  '[klik](mailto:a@ok.example?subject=<script>)',
  '[klik](map/)',
  '[klik](#bouwsteen-meso-samenwerking)',
  '<javascript:alert(1)>',
  '<http://evil.example/autolink>',
  '<mailto:x@evil.example>',
  'x@evil.example https://evil.example/kaal',
  '[ref]: javascript:alert(1)\n\n[x][ref]',
  '[img]: http://evil.example/x.png\n\n![x][img]',
  '![x](http://evil.example/x.png)',
  '![x](//evil.example/x.png)',
  '![x](\\\\evil.example\\share\\x.png)',
  '![x](file:///etc/passwd)',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:text/html,<script>alert(1)</script>)',
  '![x](plaatje.png)',
  '![x](plaatje.png "titel")',
  '![x"onerror="alert(1)](plaatje.png)',
  '![x](plaatje.png?x=1#y)',
  '![x](nep.png)',
  '![x](map)',
  '![x](../../../../etc/passwd)',
  '![x](%2e%2e/%2e%2e/kwaliteit.yaml)',
  '![x](%E0%A4%A)',
  '[![x](http://evil.example/x.png)](javascript:alert(1))',
  '<!-- <script>alert(1)</script> -->',
  '<!--',
  '-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<b><i>niet gesloten',
  '</div></section></main></body>',
  '```html\n<script>alert(1)</script>\n```',
  '`<script>alert(1)</script>`',
  '    <script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&#106;avascript:alert(1)',
];

const MARKDOWN_PIECES = [
  '# ', '## ', '###### ', '> ', '- ', '1. ', '---', '```', '~~~', '    ', '\t', '\\', '  \n',
  '[', ']', '(', ')', '<', '>', '"', "'", '&', '!', '*', '_', '`', '#', ';', '=', ':', '/',
  // What no string unit makes: a lone surrogate, NUL, a byte-order mark.
  '\uD800', '\u0000', '\uFEFF',
];

// fast-check 4 has no fullUnicodeString any more: string({ unit: 'binary' }) is every code
// point, 'grapheme' every printable grapheme; the default unit is printable ASCII.
const text = fc.oneof(
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }), weight: 1 },
  { arbitrary: fc.constantFrom(...HOSTILE_MARKDOWN), weight: 3 },
  { arbitrary: fc.constantFrom(...MARKDOWN_PIECES), weight: 2 },
);

/** Hostile pieces glued together with arbitrary text, so they also meet each other mid-construct. */
const markdown = fc
  .array(fc.tuple(text, fc.constantFrom('', ' ', '\n', '\n\n', '\r\n')), { maxLength: 12 })
  .map((parts) => parts.map(([piece, glue]) => piece + glue).join(''));

const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</title><script>alert(1)</script>',
  '</style><link rel=stylesheet href=http://evil.example/x.css>',
  '<!--',
  ']]>',
  'javascript:alert(1)',
  '&#106;avascript:alert(1)',
  '<a href="http://evil.example/">x</a>',
  'micro-samenwerking',
  'meso',
  'samenwerking',
];

const value = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...HOSTILE_VALUES));
const values = fc.array(value, { maxLength: 4 });
const scalar = fc.oneof(value, fc.integer(), fc.boolean(), fc.constant(null), values);

const filled = value.map((v) => (v.trim() ? v : `${v}?`));

/** Mostly well-formed, so its strings really reach the report; sometimes any value at all. */
const bouwbladFrontMatter = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.record(
          {
            question: filled,
            links: fc.array(fc.oneof(fc.constantFrom('micro-samenwerking', 'macro-samenhang'), value), { maxLength: 4 }),
            contributors: values,
            previous: filled,
          },
          { requiredKeys: ['question'] },
        ),
        fc.dictionary(value, scalar, { maxKeys: 2 }),
      )
      .map(([strings, extra]) => ({ ...extra, level: 'meso', aspect: 'samenwerking', period: 1, mandatory: true, ...strings })),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { level: scalar, aspect: scalar, period: scalar, mandatory: scalar, question: scalar, links: scalar, contributors: scalar, previous: scalar },
      { requiredKeys: [] },
    ),
  },
);

const bouwsteenFrontMatter = fc
  .tuple(
    fc.record({ level: fc.oneof(fc.constant('meso'), scalar), aspect: fc.oneof(fc.constant('samenwerking'), scalar) }, { requiredKeys: [] }),
    fc.dictionary(value, scalar, { maxKeys: 2 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

function yamlOf(data: unknown): string {
  try {
    return stringify(data);
  } catch {
    // Lone surrogates and the like: the YAML library refuses, the file gets them raw.
    return JSON.stringify(data);
  }
}

const STEPS = ['Stap 1 – Wat is je startvraag?', 'Stap 2 – Wat zijn je doelen en acties?', 'Stap 3 – Wat hebben we bereikt?', 'Stap 4 – Wat is je bijgestelde startvraag?'];

const bouwbladFile = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(bouwbladFrontMatter, value, fc.array(markdown, { minLength: 4, maxLength: 4 }), fc.array(fc.tuple(value, markdown), { maxLength: 2 }))
      .map(
        ([data, title, steps, extra]) =>
          `---\n${yamlOf(data)}---\n\n# ${title}\n\n${steps.map((body, i) => `## ${STEPS[i]}\n\n${body}\n`).join('\n')}${extra.map(([heading, body]) => `\n## ${heading}\n\n${body}\n`).join('')}`,
      ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.array(value, { maxLength: 4 }), markdown).map(([lines, body]) => `---\n${lines.join('\n')}\n---\n${body}`) },
  { weight: 1, arbitrary: markdown },
);

const bouwsteenFile = fc
  .tuple(bouwsteenFrontMatter, value, markdown, value, markdown)
  .map(([data, title, intro, heading, body]) => `---\n${yamlOf(data)}---\n\n# ${title}\n\n${intro}\n\n## ${heading}\n\n${body}\n`);

// ---------------------------------------------------------------- the checks

interface Node {
  name: string;
  ns: string | null;
  parent: string | null;
  attrs: [string, string][];
  text?: string;
}

/** Runs in the page: every element as the HTML parser built it, template contents included. */
const INSPECT = `globalThis.__inspect = (html) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const nodes = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      nodes.push({
        name: el.localName,
        ns: el.namespaceURI,
        parent: el.parentElement ? el.parentElement.localName : null,
        attrs: [...el.attributes].map((a) => [a.name, a.value]),
        text: el.localName === 'style' ? el.textContent : undefined,
      });
      if (el.localName === 'template') walk(el.content);
    }
  };
  walk(doc);
  const after = doc.getElementById('kwaliteit-na');
  return { nodes, contained: after !== null && after.parentElement === doc.body && after.previousElementSibling?.id === 'kwaliteit-fragment' };
};`;

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';

// More than scripts and frames: everything that loads or runs by itself, plus what the
// sanitiser's schema leaves out anyway (forms, <template>, MathML, where mutation XSS lives),
// so a loosened schema shows up here first.
const FORBIDDEN = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'link', 'portal', 'noscript', 'template',
  'audio', 'video', 'source', 'track', 'picture', 'input', 'button', 'textarea', 'select', 'isindex', 'math',
  // SVG that can fetch or run something.
  'foreignobject', 'use', 'image', 'feimage', 'animate', 'set', 'animatemotion', 'animatetransform', 'handler', 'listener',
]);

/** Attributes whose value the browser fetches (or runs) without anyone clicking. */
const FETCHING = new Set(['src', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'xlink:href', 'lowsrc', 'dynsrc', 'longdesc', 'codebase', 'archive', 'ping', 'manifest', 'icon', 'imagesrcset', 'srcdoc', 'profile', 'usemap']);

/** SVG presentation attributes that take url(): only references into the document itself. */
const URL_PRESENTATION = new Set(['fill', 'stroke', 'marker-start', 'marker-mid', 'marker-end', 'clip-path', 'mask', 'filter', 'cursor']);

/** Only images the renderer itself embedded, by their bytes: never SVG, which could carry script or fetch. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/;

/** As the URL parser reads an attribute: tabs and newlines anywhere vanish, controls and spaces at the ends too. */
const urlText = (value: string) => value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

/** Why a link on <a> is not allowed, or undefined when it is. */
function unsafeHref(value: string): string | undefined {
  const href = urlText(value);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1].toLowerCase();
  if (scheme !== undefined) return ['http', 'https', 'mailto'].includes(scheme) ? undefined : `scheme ${scheme}:`;
  // Without a scheme: a fragment or a relative path. Never `//host` or `\\host`, which in a
  // file opened from disk means another machine (a network share on Windows).
  return /^[\\/]{2}/.test(href) ? 'another host' : undefined;
}

/** CSS as the CSS parser reads it: comments gone, escapes (`u\72l(`) decoded. */
function cssText(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16) || 0xfffd, 0x10ffff)))
    .replace(/\\(.)/g, '$1')
    .toLowerCase();
}

/** Why some CSS could make the browser fetch something, or undefined when it cannot. */
function unsafeCss(css: string): string | undefined {
  const text = cssText(css);
  if (text.includes('@import')) return '@import';
  // image-set("x.png") fetches without any url().
  if (/image-set\s*\(/.test(text)) return 'image-set()';
  for (const match of text.matchAll(/url\s*\(\s*(["']?)\s*/g)) {
    if (!text.startsWith('data:', match.index + match[0].length)) return text.slice(match.index, match.index + 60);
  }
  return undefined;
}

interface Allowed {
  /** The report's own stylesheet: the one <style> there may be, in <head>. */
  css?: string;
}

/**
 * What is active or external in the elements the parser made, one line per problem.
 * `allowed` names what the report template itself legitimately contains; a Markdown
 * fragment gets no exceptions at all. Collected rather than asserted one by one: a
 * report has thousands of elements, and the failure message then shows them all.
 */
/** The page-margin rule of pageMarginCss: its one string of the coalition's text holds only letters, digits, spaces and escapes. */
const PAGE_MARGINS = /^@page \{ @top-left \{ content: "(?:[\p{L}\p{N} ]|\\[0-9a-f]{1,6} )*"; [^{}"]*\}(?: @top-right \{ content: "CONCEPT"; [^{}"]*\})? @bottom-right \{ content: "pagina " counter\(page\) " van " counter\(pages\); [^{}"]*\} \}$/u;

function problems(nodes: Node[], allowed: Allowed = {}): string[] {
  const found: string[] = [];
  let styles = 0;
  let metas = 0;
  for (const node of nodes) {
    const at = `<${node.name}>`;
    if (FORBIDDEN.has(node.name.toLowerCase())) found.push(`${at} is not allowed`);
    if (node.name === 'meta' && node.attrs.some(([name]) => name === 'http-equiv')) {
      // The template's own Content-Security-Policy: it only ever forbids things, and only counts in <head>.
      metas++;
      const csp = node.attrs.some(([name, value]) => name === 'http-equiv' && value === 'Content-Security-Policy');
      if (allowed.css === undefined || !csp || node.parent !== 'head') found.push(`${at} http-equiv other than the template's CSP`);
    }
    if (node.name === 'style') {
      // The template's own stylesheet, exactly as shipped (it has no url() or @import either),
      // then the running header and footer, where the coalition's name is a CSS string of escapes.
      styles++;
      const text = node.text?.trim() ?? '';
      const shipped = allowed.css?.trim();
      const margins = shipped !== undefined && text.startsWith(shipped) ? text.slice(shipped.length).trim() : undefined;
      if (allowed.css === undefined || node.parent !== 'head' || margins === undefined || !PAGE_MARGINS.test(margins)) found.push(`${at} other than the template's stylesheet`);
      const css = unsafeCss(node.text ?? '');
      if (css) found.push(`${at} CSS: ${css}`);
    }
    for (const [name, value] of node.attrs) {
      const attr = name.toLowerCase();
      const said = `${at} ${name}="${value.slice(0, 80)}"`;
      if (attr.startsWith('on')) found.push(`${said}: event handler`);
      // Only <img src>, and only an image the renderer embedded itself.
      if (FETCHING.has(attr) && !(node.name === 'img' && attr === 'src' && EMBEDDED_IMAGE.test(value))) found.push(`${said}: fetched by the browser`);
      if (attr === 'href') {
        // The template's inline SVG wraps its boxes in <a href="#…">, hence SVG links too.
        const unsafe = node.name !== 'a' || (node.ns !== HTML_NS && node.ns !== SVG_NS) ? 'href outside <a>' : unsafeHref(value);
        if (unsafe) found.push(`${said}: ${unsafe}`);
      }
      if (attr === 'style') {
        const css = unsafeCss(value);
        if (css) found.push(`${said}: CSS ${css}`);
      }
      // The template's arrows: marker-end="url(#arrow)", a reference inside the same SVG.
      if (URL_PRESENTATION.has(attr) && /url\s*\(/i.test(value) && !(node.ns === SVG_NS && /^\s*url\(\s*#[\w-]+\s*\)\s*$/.test(value))) {
        found.push(`${said}: url() outside the document`);
      }
    }
  }
  if (allowed.css !== undefined) {
    if (styles !== 1) found.push(`${styles} <style> elements instead of the template's one`);
    if (metas !== 1) found.push(`${metas} <meta http-equiv> instead of the template's CSP`);
  }
  return found;
}

// ---------------------------------------------------------------- the browser

let browser: Browser | undefined;
let page: Page | undefined;

async function parse(html: string): Promise<{ nodes: Node[]; contained: boolean }> {
  return page!.evaluate((source: string) => (globalThis as unknown as { __inspect: (html: string) => { nodes: Node[]; contained: boolean } }).__inspect(source), html);
}

beforeAll(async () => {
  if (!browserPath) return;
  const { default: puppeteer } = await import('puppeteer-core');
  browser = await puppeteer.launch({ executablePath: browserPath, headless: true, userDataDir: tempDir('kwaliteit-browser-'), args: browserArgs() });
  page = await browser.newPage();
  // DOMParser documents never load or run anything; the page itself is about:blank.
  await page.evaluate(INSPECT);
});

afterAll(async () => {
  await browser?.close();
});

// A property that checks nothing passes too: first show the checker catches what it should.
describe.skipIf(noBrowser)('the checker itself', () => {
  it('finds every kind of active or external content, however it is spelled', async () => {
    const { nodes } = await parse(`<!DOCTYPE html><html><head><style>@import url(http://evil.example/x.css)</style>
<meta http-equiv="refresh" content="0;url=http://evil.example/"></head><body>
<sCrIpT>alert(1)</sCrIpT><img src="http://evil.example/x.png" OnError="alert(1)">
<a href="jav&#x09;ascript:alert(1)">a</a><a href=" &#x0A;VBScript:x">b</a><a href="//evil.example/">c</a><span href="#x">d</span>
<p style="background:u\\72l(http://evil.example/x.png)">e</p><p style="background:url('data:image/png;base64,AA==')">f</p>
<svg><use xlink:href="http://evil.example/x.svg#a"/><path marker-end="url(http://evil.example/#m)"/><path marker-end="url(#arrow)"/></svg>
<img src="data:image/svg+xml;base64,PHN2Zz4="><img srcset="data:image/png;base64,AA== 2x"><image src="x.png">
<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>
<a href="https://ok.example/">ok</a><a href="mailto:a@ok.example">ok</a><a href="#bijlage">ok</a><img src="data:image/png;base64,AA==">
</body></html>`);
    expect(problems(nodes)).toEqual([
      '<style> other than the template\'s stylesheet',
      '<style> CSS: @import',
      '<meta> http-equiv other than the template\'s CSP',
      '<script> is not allowed',
      '<img> src="http://evil.example/x.png": fetched by the browser',
      '<img> onerror="alert(1)": event handler',
      '<a> href="jav\tascript:alert(1)": scheme javascript:',
      '<a> href=" \nVBScript:x": scheme vbscript:',
      '<a> href="//evil.example/": another host',
      '<span> href="#x": href outside <a>',
      '<p> style="background:u\\72l(http://evil.example/x.png)": CSS url(http://evil.example/x.png)',
      '<use> is not allowed',
      '<use> xlink:href="http://evil.example/x.svg#a": fetched by the browser',
      '<path> marker-end="url(http://evil.example/#m)": url() outside the document',
      '<img> src="data:image/svg+xml;base64,PHN2Zz4=": fetched by the browser',
      '<img> srcset="data:image/png;base64,AA== 2x": fetched by the browser',
      '<img> src="x.png": fetched by the browser',
      '<math> is not allowed',
      '<style> other than the template\'s stylesheet',
    ]);
    const { contained } = await parse('<body><div id="kwaliteit-fragment"><table><tr><td></div><p id="kwaliteit-na"></p></body>');
    expect(contained).toBe(false);
  });
});

// ---------------------------------------------------------------- level 1: Markdown → HTML

describe('markdownToHtml on arbitrary Markdown', () => {
  let context: MarkdownContext;
  beforeAll(() => {
    context = { root: coalition(), file: BOUWBLAD, headingBase: 6, firstLine: 20 };
  });

  it('never throws, and every warning names the file', () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 1, max: 6 }), (input, headingBase) => {
        const warnings: ReportWarning[] = [];
        const html = markdownToHtml(input, { ...context, headingBase }, warnings);
        expect(typeof html).toBe('string');
        for (const warning of warnings) {
          expect(warning.file).toBe(BOUWBLAD);
          if (warning.line !== undefined) expect(warning.line).toBeGreaterThanOrEqual(context.firstLine!);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.skipIf(noBrowser)('lets no script, event handler, external resource or unsafe link through, and stays inside its container', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (input) => {
        const html = markdownToHtml(input, context, []);
        const { nodes, contained } = await parse(`<!DOCTYPE html><html><head><title>t</title></head><body><div id="kwaliteit-fragment">${html}</div><p id="kwaliteit-na"></p></body></html>`);
        // Minus the wrapper document's own five elements, the fragment has none of the template's exceptions.
        expect(problems(nodes.slice(5)), html).toEqual([]);
        expect(contained, 'the fragment closed its container or left something open').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- level 2: the whole report

describe('the whole HTML report with an arbitrary bouwblad and bouwsteen', () => {
  let dir: string;
  let out: string;
  let css: string;
  beforeAll(() => {
    dir = coalition();
    out = join(tempDir(), 'rapport.html');
    css = readFileSync(join(REPO, 'templates/report/report.css'), 'utf8');
  });

  it(noBrowser ? 'is always made (inertness needs a browser to parse it)' : 'is always made, and is inert whatever the files say', async () => {
    await fc.assert(
      fc.asyncProperty(bouwbladFile, bouwsteenFile, async (bouwblad, bouwsteen) => {
        writeFileSync(join(dir, BOUWBLAD), bouwblad);
        writeFileSync(join(dir, BOUWSTEEN), bouwsteen);
        const result = await report({ dir, format: 'html', out, date: DATE });
        expect(result.status).toBe('concept');
        expect(result.files).toEqual([out]);
        if (!page) return;
        const { nodes } = await parse(readFileSync(out, 'utf8'));
        expect(problems(nodes, { css })).toEqual([]);
      }),
      { numRuns: 30 },
    );
    // Each run reads and checks the whole coalition (~150 ms on a quiet machine); room for a busy one.
  }, 60_000);
});
