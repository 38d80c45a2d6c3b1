// The shapes the gateway's API and live connection send (see agent-gateway/README.md).

export type Channel = 'X' | 'MASTODON' | 'BLUESKY' | 'WEBHOOK' | 'ASK_US' | 'REPLAY';
export type Visibility = 'PUBLIC' | 'PRIVATE';
export type Priority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export type TicketStatus = 'NEW' | 'OPEN' | 'PENDING_CUSTOMER' | 'RESOLVED' | 'CLOSED' | 'REOPENED';
export type Presence = 'ONLINE' | 'AWAY' | 'OFFLINE';
export type DeliveryState = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface Session {
  subject: string;
  username: string;
  displayName: string;
  roles: string[];
  teams: string[];
  languages: string[];
  csrfToken: string;
}

export type Sentiment = 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE' | 'MIXED';

export interface CustomerRef {
  customerId: string;
  handle?: string | null;
  displayName?: string | null;
}

/**
 * A ticket (the gateway's TicketCard). Built from ticket-service's list in the inbox and the customer's
 * other tickets: nextStatuses is empty there, and in the other tickets the customer names, sla and the
 * SLA due time are null.
 */
export interface TicketSummary {
  id: string;
  reference: string;
  channel: Channel;
  status: TicketStatus;
  nextStatuses?: TicketStatus[];
  priority: Priority;
  language?: string | null;
  intent?: string | null;
  sentiment?: Sentiment | null;
  team?: string | null;
  assigneeId?: string | null;
  customer?: CustomerRef | null;
  summary?: string | null;
  slaDueAt?: string | null;
  sla?: 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'NONE' | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  tags?: string[];
  visibility?: Visibility | null;
  version?: number | null;
}

export interface Load {
  presence: Presence;
  load: number;
  capacity: number;
}

export interface Inbox {
  tickets: TicketSummary[];
  me?: Load | null;
  asOf: string;
}

export interface Message {
  messageId: string;
  kind: 'CUSTOMER' | 'AGENT_REPLY' | 'INTERNAL_NOTE';
  author: { id: string; displayName?: string | null };
  text: string;
  visibility?: Visibility | null;
  delivery?: DeliveryState | null;
  failureReason?: string | null;
  createdAt?: string | null;
}

export interface CannedResponse {
  id: string;
  team: string;
  title: string;
  body: string;
}

export interface TicketView {
  ticket: TicketSummary;
  messages: Message[];
  customerChannels: { channel: Channel; handle?: string | null }[];
  otherTickets: TicketSummary[];
  composer: {
    /** null: the channel has no public answer (the ask-us form). */
    publicLimit: number | null;
    privateLimit: number;
    signature: string;
    cannedResponses: CannedResponse[];
  };
}

/** What a reply or a note answers: the ticket as it now is, and the new message. */
export interface TicketUpdate {
  ticket: TicketSummary;
  message?: Message | null;
}

export interface QueueStatus {
  queueId: string;
  name?: string | null;
  team?: string | null;
  depth: number;
  oldestQueuedAt?: string | null;
  /** null: ticket-service could not say. */
  slaAtRisk?: number | null;
  waitingByPriority?: Partial<Record<Priority, number>>;
  agentsOnline?: number;
}

export interface AgentStatus {
  agentId: string;
  displayName?: string | null;
  teams: string[];
  presence: Presence;
  load: number;
  capacity: number;
}

/** Where a ticket is after a transfer. */
export interface TicketPlace {
  ticketId: string;
  status: 'ASSIGNED' | 'WAITING' | 'CLOSED';
  queueId?: string | null;
  agentId?: string | null;
}

export interface MentionChart {
  minutes: string[];
  series: { channel: string; sentiment: string; counts: number[] }[];
}

/** A ticket being worked in the supervisor's teams, to pick for a transfer. */
export interface FloorTicket {
  id: string;
  reference: string;
  channel: string;
  status: string;
  priority: Priority;
  team?: string | null;
  /** null: waiting in a queue. */
  assigneeId?: string | null;
  /** Customer text (redacted by triage): render as text only. */
  summary?: string | null;
  sla?: string | null;
  createdAt: string;
}

export interface Floor {
  queues: QueueStatus[];
  agents: AgentStatus[];
  /** null: ticket-service could not say. */
  tickets?: FloorTicket[] | null;
  mentions: MentionChart;
}

export interface LivePush {
  type: string;
  eventId?: string;
  occurredAt?: string;
  ticketId?: string;
  data?: any;
}

export const isSupervisor = (s: Session) => s.roles.includes('supervisor') || s.roles.includes('admin');
export const isAgent = (s: Session) => s.roles.includes('agent');
