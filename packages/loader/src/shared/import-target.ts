/**
 * A resolved place to import: an absolute file URL plus the export to take.
 * Discovery resolves each declaration to one (shared/resolve.ts), and the
 * importer imports it; neither stage owns it, so it lives below both.
 */
export interface ImportTarget {
  readonly url: string;
  readonly exportName: string;
}
