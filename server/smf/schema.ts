// The SMF 2.1 tables Lectern reads, as Kysely sees them: only the columns the
// contract needs. Private columns (e-mail addresses, IPs, password hashes, secret
// answers…) are deliberately absent, so the type checker refuses any query that
// names them. Table names carry the forum's prefix at run time
// (`withTablePrefix`); here they are the bare SMF names.
//
// Integer columns are `number`. SMF declares some of them BIGINT on PostgreSQL (message
// ids, times, view counts), but their values stay far inside JavaScript's safe range;
// connect.ts has the PostgreSQL pool return BIGINT as numbers. Code still passes
// values through Number() where a driver's type could differ (the embedded demo).

export interface CategoriesTable {
  id_cat: number;
  cat_order: number;
  name: string;
  description: string;
}

export interface BoardsTable {
  id_board: number;
  id_cat: number;
  child_level: number;
  id_parent: number;
  board_order: number;
  id_last_msg: number;
  /** Comma-separated group ids that may see the board; -1 is guests. */
  member_groups: string;
  deny_member_groups: string;
  id_profile: number;
  name: string;
  description: string;
  num_topics: number;
  num_posts: number;
  /** A URL for redirect boards, '' otherwise. */
  redirect: string;
}

/** SMF 2.1 keeps who may see each board here too: (group, board, deny). */
export interface BoardPermissionsViewTable {
  id_group: number;
  id_board: number;
  deny: number;
}

/** Per permission profile; `view_attachments` for group -1 decides guests' attachments. */
export interface BoardPermissionsTable {
  id_group: number;
  id_profile: number;
  permission: string;
  add_deny: number;
}

/** Forum-wide permissions; `search_posts` for group -1 lets guests search. */
export interface PermissionsTable {
  id_group: number;
  permission: string;
  add_deny: number;
}

export interface MembergroupsTable {
  id_group: number;
  group_name: string;
  min_posts: number;
}

export interface MembersTable {
  id_member: number;
  real_name: string;
  posts: number;
  id_group: number;
  id_post_group: number;
  usertitle: string;
  avatar: string;
}

export interface TopicsTable {
  id_topic: number;
  is_sticky: number;
  id_board: number;
  id_first_msg: number;
  id_last_msg: number;
  num_replies: number;
  num_views: number;
  locked: number;
  /** Moved-topic notices point at the topic's new home; 0 otherwise. */
  id_redirect_topic: number;
  redirect_expires: number;
  approved: number;
  unapproved_posts: number;
}

export interface MessagesTable {
  id_msg: number;
  id_topic: number;
  id_board: number;
  poster_time: number;
  id_member: number;
  subject: string;
  poster_name: string;
  modified_time: number;
  modified_name: string;
  body: string;
  approved: number;
}

export interface AttachmentsTable {
  id_attach: number;
  id_thumb: number;
  id_msg: number;
  id_member: number;
  id_folder: number;
  /** 0 an attachment, 1 an avatar in the custom avatar folder, 3 a thumbnail. */
  attachment_type: number;
  filename: string;
  file_hash: string;
  fileext: string;
  size: number;
  downloads: number;
  width: number;
  height: number;
  mime_type: string;
  approved: number;
}

export interface SettingsTable {
  variable: string;
  value: string;
}

export interface SmfDatabase {
  categories: CategoriesTable;
  boards: BoardsTable;
  board_permissions_view: BoardPermissionsViewTable;
  board_permissions: BoardPermissionsTable;
  permissions: PermissionsTable;
  membergroups: MembergroupsTable;
  members: MembersTable;
  topics: TopicsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  settings: SettingsTable;
}

export const SMF_TABLES = [
  'categories', 'boards', 'board_permissions_view', 'board_permissions', 'permissions',
  'membergroups', 'members', 'topics', 'messages', 'attachments', 'settings',
] as const satisfies readonly (keyof SmfDatabase)[];
