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

export interface Sentiment {
  label: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE' | 'MIXED';
  score: number;
}

export interface CustomerRef {
  customerId: string;
  handle?: string | null;
  displayName?: string | null;
}

export interface TicketSummary {
  id: string;
  reference: string;
  channel: Channel;
  status: TicketStatus;
  priority: Priority;
  language?: string | null;
  intent?: string | null;
  sentiment?: Sentiment | null;
  team?: string | null;
  assigneeId?: string | null;
  customer?: CustomerRef | null;
  summary?: string | null;
  slaDueAt?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  piiFound: boolean;
  tags?: string[];
  visibility?: Visibility | null;
  version?: number | null;
}

export interface AgentStatus {
  agentId: string;
  displayName?: string | null;
  teams: string[];
  presence: Presence;
  load: number;
  capacity: number;
}

export interface Inbox {
  tickets: TicketSummary[];
  me?: AgentStatus | null;
  asOf: string;
}

export interface PiiSpan {
  type: string;
  start: number;
  end: number;
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
  pii?: PiiSpan[] | null;
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
    publicLimit: number;
    privateLimit: number;
    signature: string;
    cannedResponses: CannedResponse[];
  };
}

export interface QueueStatus {
  queueId: string;
  name?: string | null;
  team?: string | null;
  depth: number;
  oldestQueuedAt?: string | null;
  slaAtRisk: number;
}

export interface MentionChart {
  minutes: string[];
  series: { channel: string; sentiment: string; counts: number[] }[];
}

export interface Floor {
  queues: QueueStatus[];
  agents: AgentStatus[];
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
