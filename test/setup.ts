// Every test file shares one parse cache across its loads, as a long-running
// preview does: a file whose bytes did not change is not parsed again. The
// built program run in child processes has none, so the first parse is tested there.
import { shareParseCache } from '../src/coalition/load.js';
import { cache } from './helpers/memory.js';

shareParseCache(cache);
