/**
 * @module Types for the part of negotiator 1.x Parley uses. @types/negotiator describes 0.6, which
 * has no `preferred` option: the server's tie-break between encodings a client accepts equally.
 */
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** Accepted encodings among `available`, best first; `preferred` orders those of equal quality. */
    encodings(available: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}
