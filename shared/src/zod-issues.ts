/**
 * @module Turns zod's issues into the short `{ path, message }` list an invalid_payload error carries.
 */
import type { z } from 'zod';

export function describeIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export function summarizeIssues(issues: Array<{ path: string; message: string }>): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
