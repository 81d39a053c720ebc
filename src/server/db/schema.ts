import type { ColumnType } from 'kysely';
/** Row types of every table, as Kysely sees them. Rows never leave repositories. */

export interface UsersTable {
  id: string;
  username: string;
  full_name: string;
  password_hash: string;
  is_admin: number;
  is_active: number;
  must_change_password: number;
  /** 1 while the password is the one published for the demo: such a sign-in is refused from the network. */
  has_published_password: number;
  created_at: string;
  updated_at: string;
  /** last sign-in (0016): when the account last signed in; null before the first time. */
  last_login_at?: string | null;
}

// agreements and booths
export interface AgreementsTable {
  id: string;
  event_id: string;
  kind: string;
  title: string;
  /** BIGINT: PostgreSQL reads it as a string; repositories turn it into a number. */
  value_vnd: ColumnType<number | string | null, number | null, number | null>;
  starts_on: string | null;
  ends_on: string | null;
  status: string;
  round: number | null;
  position: number | null;
  signed_at: string | null;
  follow_up_notes: string | null;
  notes: string | null;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  event_id: string;
  unit_id: string;
  role: string;
  position: number;
  signatory_delegate_id: string | null;
  stand_in_name: string | null;
  stand_in_position: string | null;
}

export interface AgreementProductsTable {
  agreement_id: string;
  product_id: string;
  event_id: string;
}

export interface AgreementScansTable {
  agreement_id: string;
  media_type: string;
  byte_size: number;
  data_base64: string;
  uploaded_at: string;
}

export interface BoothsTable {
  id: string;
  event_id: string;
  number: number;
  kind: string;
  unit_id: string | null;
  grid_x: number;
  grid_y: number;
  grid_w: number;
  grid_h: number;
  size_text: string | null;
  person_name: string | null;
  person_phone: string | null;
  setup_at: string | null;
  teardown_at: string | null;
  needs_power: number;
  tables: number;
  notes: string | null;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

export interface BoothProductsTable {
  booth_id: string;
  product_id: string;
  event_id: string;
  position: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** One row per sign-in attempt not (yet) known to have succeeded: written before the password is checked. */
export interface LoginFailuresTable {
  id: string;
  username: string;
  ip: string;
  /** Hash of the known-device cookie the attempt came with, when that device signed in to this account before. */
  device: string | null;
  /** 1 when the attempt was turned away without a password check: it lengthens only its own lane's wait. */
  refused: number;
  at: string;
}

export interface KnownDevicesTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string;
}

export interface UnitsTable {
  id: string;
  parent_id: string | null;
  kind: string;
  short_name: string;
  name: string;
  admin_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  address: string | null;
  notes: string | null;
  is_sample: number;
  search_key: string;
  producer_type: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  name: string;
  status: string;
  plan_number: string | null;
  plan_date: string | null;
  plan_issuer: string | null;
  plan_signer_authority: string | null;
  plan_signer_title: string | null;
  plan_signer_name: string | null;
  host_unit_id: string | null;
  lead_unit_id: string | null;
  starts_at: string;
  ends_at: string;
  time_text: string | null;
  venue_name: string | null;
  venue_address: string | null;
  capacity: number | null;
  expected_attendees: number | null;
  funding_source: string | null;
  notes: string | null;
  is_demo: number;
  plan_text: string | null;
  plan_purpose: string | null;
  /** Days after the event's end before its delegates' personal data may be erased. */
  personal_data_retention_days: number;
  /** When the delegates' personal data was erased; null while it is kept. */
  erased_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventPartnersTable {
  event_id: string;
  position: number;
  unit_id: string | null;
  name: string;
}

export interface EventMembersTable {
  event_id: string;
  user_id: string;
  role: string;
  unit_id: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  event_id: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface CompositionGroupsTable {
  id: string;
  event_id: string;
  parent_id: string | null;
  position: number;
  title: string;
  planned_count: number | null;
  per_unit: number | null;
  unit_count: number | null;
  inviter: string | null;
  protocol_rank: number | null;
}

export interface CompositionSeatsTable {
  group_id: string;
  unit_id: string;
  event_id: string;
  quota: number;
}

export interface DelegatesTable {
  id: string;
  event_id: string;
  group_id: string | null;
  unit_id: string | null;
  organization: string | null;
  honorific: string | null;
  full_name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
  gender: string | null;
  protocol_rank: number | null;
  notes: string | null;
  status: string;
  substitute_for_id: string | null;
  replaced_by_id: string | null;
  is_sample: number;
  name_key: string;
  protocol_key: string;
  /** From the position and the unit's level (title_ranks); the organizer's override is protocol_rank. */
  derived_rank: number | null;
  rank_reason: string | null;
  identity_key: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DelegateTermsTable {
  event_id: string;
  term: string;
  delegate_id: string;
}

export interface ProgramItemsTable {
  id: string;
  event_id: string;
  parent_id: string | null;
  position: number;
  title: string;
  start_time: string | null;
  end_time: string | null;
  session: string | null;
  // Added by the program feature (0011), optional so the plan's writer need not know them; a plan's rows have no
  // kind (read from the title) and no duration (a default by kind).
  kind?: string | null;
  duration_minutes?: number | null;
  notes?: string | null;
  is_sample?: number;
}

export interface SideActivitiesTable {
  id: string;
  event_id: string;
  position: number;
  title: string;
  count: number | null;
  count_unit: string | null;
}

export interface TasksTable {
  id: string;
  event_id: string;
  position: number;
  unit_id: string | null;
  unit_name: string;
  title: string;
}

export interface EventLegalBasesTable {
  event_id: string;
  position: number;
  text: string;
  citations_json: string;
}

export interface EventRecipientsTable {
  event_id: string;
  position: number;
  name: string;
  purpose: string | null;
}

export interface ReplyTokensTable {
  /** SHA-256 (hex) of the link's token: the only trace of the token the database keeps. */
  token_hash: string;
  /** Which derivation of the delegate's link this is; null for links made before 0007, which cannot be re-derived. */
  generation: number | null;
  delegate_id: string;
  event_id: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

export interface InvitationTemplatesTable {
  event_id: string;
  template_json: string;
  updated_at: string;
}

export interface InvitationsTable {
  id: string;
  event_id: string;
  number: number;
  delegate_id: string | null;
  unit_id: string | null;
  recipient: string;
  issued_at: string;
  channel: string;
  issued_by: string | null;
  // letters (0014): the agency register's number (null: blank), symbol, register and issue date (null: blank)
  register_key: string | null;
  register_number: number | null;
  register_symbol: string | null;
  issued_on: string | null;
}

// letters
export interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface LetterRegistersTable {
  key: string;
  issuer: string;
  year: number;
  last_number: number;
  updated_at: string;
}

export interface BadgeTokensTable {
  token_hash: string;
  delegate_id: string;
  event_id: string;
  created_at: string;
  created_by: string | null;
}

export interface DocumentJobsTable {
  id: string;
  event_id: string;
  kind: string;
  status: string;
  done: number;
  total: number;
  error: string | null;
  file_name: string | null;
  media_type: string | null;
  file_base64: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductGroupsTable {
  id: string;
  code: string;
  name: string;
  framework: string;
  valid_from: string;
  valid_to: string | null;
}

export interface ProductsTable {
  id: string;
  name: string;
  search_key: string;
  sort_key: string;
  group_id: string;
  sub_group: string | null;
  producer_id: string;
  district_id: string | null;
  commune_id: string | null;
  score: number | null;
  stars: number | null;
  potential: number;
  evaluation_year: number | null;
  evaluation_round: number | null;
  certifying_level: string | null;
  decision_number: string | null;
  decision_date: string | null;
  valid_until: string | null;
  certificate_number: string | null;
  description: string | null;
  where_to_buy: string | null;
  is_sample: number;
  created_at: string;
  updated_at: string;
}

export interface ProductPhotosTable {
  id: string;
  product_id: string;
  position: number;
  media_type: string;
  byte_size: number;
  data_base64: string;
  created_at: string;
}

export interface CertificateTemplatesTable {
  event_id: string;
  template_json: string;
  updated_at: string;
}

export interface AwardBatchesTable {
  id: string;
  event_id: string;
  number: number;
  title: string | null;
  presenter_delegate_id: string | null;
}

export interface AwardRecipientsTable {
  id: string;
  event_id: string;
  batch_id: string;
  position: number;
  producer_id: string;
  delegate_id: string | null;
  stand_in_name: string | null;
  handed_over_at: string | null;
}

export interface AwardItemsTable {
  event_id: string;
  product_id: string;
  recipient_id: string;
}

export interface CheckinsTable {
  id: string;
  event_id: string;
  client_id: string;
  delegate_id: string;
  device_id: string;
  scanned_at: string;
  received_at: string;
  user_id: string | null;
  outcome: string;
}

export interface AttendanceTable {
  event_id: string;
  delegate_id: string;
  checkin_id: string;
  checked_in_at: string;
  documents_at: string | null;
  walk_in_reason: string | null;
}

export interface HallsTable {
  event_id: string;
  layout_json: string;
  updated_at: string;
}

export interface SeatAssignmentsTable {
  event_id: string;
  delegate_id: string;
  seat: string;
  /** 1: placed by hand; automatic seating never moves it. */
  pinned: ColumnType<number, number | undefined, number>;
}

export interface TitleRanksTable {
  id: string;
  rank: number;
  level: string | null;
  /** JSON arrays of strings. */
  titles: string;
  bodies: string;
  label: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface PresidiumTable {
  event_id: string;
  delegate_id: string;
  role: string;
  position: number;
}

// tasks, budget, media (0013)
/** The plan's duties followed up (0013): optional on insert, so the plan writes its rows as before. */
export interface TaskProgressColumns {
  owner_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Days from the event day (D-14 = -14). */
  due_offset_days: ColumnType<number | null, number | null | undefined, number | null>;
  status: ColumnType<string, string | undefined, string>;
  done_at: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TaskCommentsTable {
  id: string;
  task_id: string;
  author_id: string | null;
  author_name: string;
  body: string;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  event_id: string;
  owner_kind: string;
  owner_id: string;
  file_name: string;
  media_type: string;
  byte_size: number;
  data_base64: string;
  created_by: string | null;
  created_at: string;
}

export interface EventBudgetsTable {
  event_id: string;
  source_decision: string | null;
  updated_at: string;
}

/** Money columns are bigint on PostgreSQL: the driver hands them back as strings, so read them through Number(). */
export interface BudgetLinesTable {
  id: string;
  event_id: string;
  position: number;
  category: string;
  content: string;
  unit_label: string | null;
  quantity: number;
  unit_price_vnd: ColumnType<number | string, number, number>;
  committed_vnd: ColumnType<number | string, number | undefined, number>;
  spent_vnd: ColumnType<number | string, number | undefined, number>;
  notes: string | null;
  is_sample: number;
  updated_at: string;
}

export interface MediaItemsTable {
  id: string;
  event_id: string;
  kind: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published_on: string | null;
  is_sample: number;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  known_devices: KnownDevicesTable;
  units: UnitsTable;
  events: EventsTable;
  event_partners: EventPartnersTable;
  event_members: EventMembersTable;
  audit_log: AuditLogTable;
  composition_groups: CompositionGroupsTable;
  composition_seats: CompositionSeatsTable;
  delegates: DelegatesTable;
  delegate_terms: DelegateTermsTable;
  reply_tokens: ReplyTokensTable;
  invitation_templates: InvitationTemplatesTable;
  invitations: InvitationsTable;
  document_jobs: DocumentJobsTable;
  program_items: ProgramItemsTable;
  side_activities: SideActivitiesTable;
  tasks: TasksTable & TaskProgressColumns;
  event_legal_bases: EventLegalBasesTable;
  event_recipients: EventRecipientsTable;
  product_groups: ProductGroupsTable;
  products: ProductsTable;
  product_photos: ProductPhotosTable;
  certificate_templates: CertificateTemplatesTable;
  award_batches: AwardBatchesTable;
  award_recipients: AwardRecipientsTable;
  award_items: AwardItemsTable;
  checkins: CheckinsTable;
  attendance: AttendanceTable;
  halls: HallsTable;
  seat_assignments: SeatAssignmentsTable;
  title_ranks: TitleRanksTable;
  presidium: PresidiumTable;
  // letters
  app_settings: AppSettingsTable;
  letter_registers: LetterRegistersTable;
  badge_tokens: BadgeTokensTable;
  // agreements and booths
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_products: AgreementProductsTable;
  agreement_scans: AgreementScansTable;
  booths: BoothsTable;
  booth_products: BoothProductsTable;
  // program
  program_presenters: ProgramPresentersTable;
  papers: PapersTable;
  mc_scripts: McScriptsTable;
  program_live: ProgramLiveTable;
  // tasks, budget, media (0013)
  task_comments: TaskCommentsTable;
  attachments: AttachmentsTable;
  event_budgets: EventBudgetsTable;
  budget_lines: BudgetLinesTable;
  media_items: MediaItemsTable;
}

// program
export interface ProgramPresentersTable {
  id: string;
  event_id: string;
  item_id: string;
  position: number;
  delegate_id: string | null;
  unit_id: string | null;
  name: string | null;
}

export interface PapersTable {
  id: string;
  event_id: string;
  unit_id: string;
  title: string;
  file_name: string;
  media_type: string;
  byte_size: number;
  data_base64: string;
  status: string;
  review_comment: string | null;
  program_item_id: string | null;
  is_sample: number;
  submitted_by: string | null;
  submitted_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface McScriptsTable {
  event_id: string;
  text: string;
  generated_at: string;
  previous_text: string | null;
  previous_generated_at: string | null;
}

export interface ProgramLiveTable {
  event_id: string;
  current_item_id: string | null;
  updated_at: string;
}
