// Rendered pieces of a coalition's Markdown, kept by the parsed nodes they came
// from. The parse cache hands back the very same nodes for a file whose bytes did
// not change, so after a save only the changed file's pieces are rendered again.
// Only the preview keeps one; a report is made once.
import type { ReportWarning } from './markdown-to-html.js';

export interface Fragment {
  html: string;
  /** Images it left out: said again each time the piece is used. */
  warnings: ReportWarning[];
}

export class FragmentCache {
  private entries = new WeakMap<object, Map<string, Fragment>>();

  get(first: object, key: string): Fragment | undefined {
    return this.entries.get(first)?.get(key);
  }

  set(first: object, key: string, fragment: Fragment): void {
    let byKey = this.entries.get(first);
    if (!byKey) this.entries.set(first, (byKey = new Map()));
    byKey.set(key, fragment);
  }

  /** An image may have changed on disk: every piece is rendered again. */
  clear(): void {
    this.entries = new WeakMap();
  }
}
