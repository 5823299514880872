// The mock forum for Node: Vitest (jsdom and node environments) intercepts
// fetch with these handlers. No latency, so tests stay fast and deterministic.
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers/handlers';

export const server = setupServer(...createHandlers({ latency: null }));
