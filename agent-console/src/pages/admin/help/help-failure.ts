/**
 * @module The words to show for a failed help-center call: the server's own message when it sent one.
 */
import { ApiError } from '../../../api/rest-client.ts';

export const failure = (caught: unknown, fallback: string): string =>
  caught instanceof ApiError ? caught.message : fallback;
