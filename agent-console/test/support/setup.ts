/**
 * @module Unmounts what each test rendered: without vitest globals, @testing-library/preact cannot do it itself.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
