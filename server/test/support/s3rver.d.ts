/**
 * @module Types for the part of s3rver 3.x the tests use (it ships none): an S3-compatible server
 * on a port, keeping its buckets in a folder.
 */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      silent?: boolean;
      directory: string;
      configureBuckets?: Array<{ name: string }>;
    });
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
