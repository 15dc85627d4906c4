// The order of the raster's rows wherever it is drawn (status, add, the report):
// the highest level on top, like a building that rests on what children and
// parents notice every day.
import type { Format, Level } from './format.js';

export const gridLevels = (format: Pick<Format, 'levels'>): Level[] => [...format.levels].reverse();
