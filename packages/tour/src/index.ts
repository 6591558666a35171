export { normaliseTour } from './normalise.ts';
export { pluginHost } from './plugin-host.ts';
export { type RenderOptions, renderTour } from './render.ts';
export { runTour, TOUR_ROOT, type TourOptions } from './run-tour.ts';
export type * from './tour-result.ts';
export { DEFAULT_STORAGE_PREFIX } from './tour-storage.ts';
