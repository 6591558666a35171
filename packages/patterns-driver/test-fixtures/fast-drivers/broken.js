import { recordEvaluation } from '../record.js';

recordEvaluation('fast-drivers/broken');

throw new Error('broken driver: a dependency is missing');
