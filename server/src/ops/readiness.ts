/**
 * @module Readiness: named checks a load balancer's /readyz asks before sending traffic. Storage
 * and migrations are built in; other parts (Redis, from the scale-out work) add their own. Each
 * check has a deadline, so one hanging dependency answers "not ready" instead of hanging the probe.
 */
export interface ReadinessCheck {
  name: string;
  /** Resolves when ready; rejects (with a reason for operators) when not. */
  check: () => Promise<void>;
}

export interface ReadinessResult {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string }>;
}

const DEADLINE_MS = 2000;

function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export class Readiness {
  readonly #checks: ReadinessCheck[] = [];

  constructor(checks: ReadinessCheck[] = []) {
    for (const check of checks) this.add(check);
  }

  add(check: ReadinessCheck): void {
    if (this.#checks.some((c) => c.name === check.name)) throw new Error(`readiness check ${check.name} added twice`);
    this.#checks.push(check);
  }

  async run(): Promise<ReadinessResult> {
    const outcomes = await Promise.all(
      this.#checks.map(async ({ name, check }): Promise<[string, ReadinessResult['checks'][string]]> => {
        try {
          await withDeadline(check(), DEADLINE_MS);
          return [name, { ok: true }];
        } catch (error) {
          return [name, { ok: false, error: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    return { ready: outcomes.every(([, outcome]) => outcome.ok), checks: Object.fromEntries(outcomes) };
  }
}

/** The built-in checks: the database answers, and every migration of this build is applied. */
export function storageChecks(store: {
  ping(): Promise<void>;
  pendingMigrations(): Promise<string[]>;
}): ReadinessCheck[] {
  return [
    { name: 'storage', check: () => store.ping() },
    {
      name: 'migrations',
      async check() {
        const pending = await store.pendingMigrations();
        if (pending.length > 0) throw new Error(`not applied: ${pending.join(', ')}`);
      },
    },
  ];
}
