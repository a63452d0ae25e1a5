/**
 * @module The storage contract: one suite every Store implementation must pass, run per engine
 * (store-contract.test.ts). Its parts, one per area, share a fresh store per test.
 */
import { describe } from 'vitest';
import { useStoreFixture, type OpenStore } from './store-contract-fixture.ts';
import { siteAndAgentStoreContract } from './store-contract-sites-agents.ts';
import { conversationStoreContract } from './store-contract-conversations.ts';
import { messageAndVisitorStoreContract } from './store-contract-messages-visitors.ts';
import { mailStoreContract } from './store-contract-mail.ts';
import { visitorMailStoreContract } from './store-contract-visitor-mail.ts';
import { messageChangeStoreContract } from './store-contract-message-changes.ts';

export function storeContract(engine: string, open: OpenStore): void {
  describe(`store contract: ${engine}`, () => {
    const fixture = useStoreFixture(open);
    siteAndAgentStoreContract(fixture);
    conversationStoreContract(fixture);
    messageAndVisitorStoreContract(fixture);
    mailStoreContract(fixture);
    visitorMailStoreContract(fixture);
    messageChangeStoreContract(fixture);
  });
}
