// Which of the original lab's tools this machine has.
import { hasTool } from '../../lib/process/tools.js';

/** kcat (kafkacat) is optional: without it the walkthrough uses the TypeScript consumer. */
export const hasKcat = () => hasTool('kcat', ['-V']);
