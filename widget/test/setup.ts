/**
 * Test setup: unmount rendered components and forget stored widget data between tests.
 */
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
