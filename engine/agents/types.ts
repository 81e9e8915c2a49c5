// The agent contract: a pure function of a country's view and a seeded RNG to that country's orders.
import type { Content } from '../content.ts';
import type { CountryView } from '../view.ts';
import type { CountryOrders } from '../schema.ts';

export interface AgentContext {
  content: Content;
  view: CountryView;
  rng: () => number;
}

export interface Agent {
  name: string;
  /** false for agents that never look at the view (status-quo, scripted): hosts may skip building one */
  needsView: boolean;
  decide(ctx: AgentContext): CountryOrders;
}
