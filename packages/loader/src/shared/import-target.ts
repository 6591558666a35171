/**
 * A resolved place to import: an absolute file URL plus the export to take.
 * Discovery resolves each declaration to one (shared/resolve.ts), and the
 * importer imports it; neither stage owns it, so it lives below both.
 */
export interface ImportTarget {
  /** The module's file URL; for a static manifest, the specifier its import names. */
  readonly url: string;
  readonly exportName: string;
  /**
   * The host's own import of the module, written out where a bundler can see
   * it (a static manifest's `() => import('pkg/subpath')`); the importer calls
   * it instead of importing `url`.
   */
  readonly import?: () => Promise<unknown>;
  /**
   * The real folder the module was checked to lie inside (its package, or a
   * scanned plugin folder). The importer checks again, just before importing:
   * a file swapped for a link after the check is refused, not followed.
   */
  readonly within?: string;
}
