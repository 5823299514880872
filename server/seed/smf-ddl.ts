// The SMF 2.1 tables Lectern reads, created the way SMF's installer creates them:
// this follows other/install_2-1_mysql.sql and other/install_2-1_postgresql.sql on
// SimpleMachines/SMF's release-2.1 branch, with every column (private ones included),
// type, default, primary key and index, so tests run against the real shape of a
// forum and not against the subset that server/smf/schema.ts declares.
//
// MySQL/MariaDB: SMF's installer appends `DEFAULT CHARSET=utf8 COLLATE=utf8_general_ci`
// (install.php), i.e. 3-byte utf8, and turns 4-byte characters into HTML entities before
// they reach the database. Many forums have since been converted to utf8mb4, which is our
// default; `charset: 'utf8'` gives what a fresh 2.1 install has.

export type SmfDdlDialect = 'mysql' | 'postgres';

export interface SmfDdlOptions {
  /** MySQL/MariaDB only; default 'utf8mb4'. */
  charset?: 'utf8mb4' | 'utf8';
}

/** SMF prefixes are plain identifiers; anything else would have to be quoted everywhere. */
function checkPrefix(prefix: string): void {
  if (!/^[A-Za-z0-9_]{0,32}$/.test(prefix)) {
    throw new Error(`The table prefix "${prefix}" is not a plain identifier (letters, digits, underscores).`);
  }
}

function mysqlTables(p: string, tableOptions: string): string[] {
  return [
    `CREATE TABLE ${p}categories (
  id_cat TINYINT UNSIGNED AUTO_INCREMENT,
  cat_order TINYINT NOT NULL DEFAULT '0',
  name VARCHAR(255) NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  can_collapse TINYINT NOT NULL DEFAULT '1',
  PRIMARY KEY (id_cat)
) ${tableOptions}`,

    `CREATE TABLE ${p}boards (
  id_board SMALLINT UNSIGNED AUTO_INCREMENT,
  id_cat TINYINT UNSIGNED NOT NULL DEFAULT '0',
  child_level TINYINT UNSIGNED NOT NULL DEFAULT '0',
  id_parent SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  board_order SMALLINT NOT NULL DEFAULT '0',
  id_last_msg INT UNSIGNED NOT NULL DEFAULT '0',
  id_msg_updated INT UNSIGNED NOT NULL DEFAULT '0',
  member_groups VARCHAR(255) NOT NULL DEFAULT '-1,0',
  id_profile SMALLINT UNSIGNED NOT NULL DEFAULT '1',
  name VARCHAR(255) NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  num_topics MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  num_posts MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  count_posts TINYINT NOT NULL DEFAULT '0',
  id_theme TINYINT UNSIGNED NOT NULL DEFAULT '0',
  override_theme TINYINT UNSIGNED NOT NULL DEFAULT '0',
  unapproved_posts SMALLINT NOT NULL DEFAULT '0',
  unapproved_topics SMALLINT NOT NULL DEFAULT '0',
  redirect VARCHAR(255) NOT NULL DEFAULT '',
  deny_member_groups VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (id_board),
  UNIQUE idx_categories (id_cat, id_board),
  INDEX idx_id_parent (id_parent),
  INDEX idx_id_msg_updated (id_msg_updated),
  INDEX idx_member_groups (member_groups(48))
) ${tableOptions}`,

    `CREATE TABLE ${p}board_permissions_view (
  id_group SMALLINT NOT NULL DEFAULT '0',
  id_board SMALLINT UNSIGNED NOT NULL,
  deny SMALLINT NOT NULL,
  PRIMARY KEY (id_group, id_board, deny)
) ${tableOptions}`,

    `CREATE TABLE ${p}board_permissions (
  id_group SMALLINT DEFAULT '0',
  id_profile SMALLINT UNSIGNED DEFAULT '0',
  permission VARCHAR(30) DEFAULT '',
  add_deny TINYINT NOT NULL DEFAULT '1',
  PRIMARY KEY (id_group, id_profile, permission)
) ${tableOptions}`,

    `CREATE TABLE ${p}permissions (
  id_group SMALLINT DEFAULT '0',
  permission VARCHAR(30) DEFAULT '',
  add_deny TINYINT NOT NULL DEFAULT '1',
  PRIMARY KEY (id_group, permission)
) ${tableOptions}`,

    `CREATE TABLE ${p}membergroups (
  id_group SMALLINT UNSIGNED AUTO_INCREMENT,
  group_name VARCHAR(80) NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  online_color VARCHAR(20) NOT NULL DEFAULT '',
  min_posts MEDIUMINT NOT NULL DEFAULT '-1',
  max_messages SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  icons VARCHAR(255) NOT NULL DEFAULT '',
  group_type TINYINT NOT NULL DEFAULT '0',
  hidden TINYINT NOT NULL DEFAULT '0',
  id_parent SMALLINT NOT NULL DEFAULT '-2',
  tfa_required TINYINT NOT NULL DEFAULT '0',
  PRIMARY KEY (id_group),
  INDEX idx_min_posts (min_posts)
) ${tableOptions}`,

    `CREATE TABLE ${p}members (
  id_member MEDIUMINT UNSIGNED AUTO_INCREMENT,
  member_name VARCHAR(80) NOT NULL DEFAULT '',
  date_registered INT UNSIGNED NOT NULL DEFAULT '0',
  posts MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  id_group SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  lngfile VARCHAR(255) NOT NULL DEFAULT '',
  last_login INT UNSIGNED NOT NULL DEFAULT '0',
  real_name VARCHAR(255) NOT NULL DEFAULT '',
  instant_messages SMALLINT NOT NULL DEFAULT 0,
  unread_messages SMALLINT NOT NULL DEFAULT 0,
  new_pm TINYINT UNSIGNED NOT NULL DEFAULT '0',
  alerts INT UNSIGNED NOT NULL DEFAULT '0',
  buddy_list TEXT NOT NULL,
  pm_ignore_list TEXT NULL,
  pm_prefs MEDIUMINT NOT NULL DEFAULT '0',
  mod_prefs VARCHAR(20) NOT NULL DEFAULT '',
  passwd VARCHAR(64) NOT NULL DEFAULT '',
  email_address VARCHAR(255) NOT NULL DEFAULT '',
  personal_text VARCHAR(255) NOT NULL DEFAULT '',
  birthdate DATE NOT NULL DEFAULT '1004-01-01',
  website_title VARCHAR(255) NOT NULL DEFAULT '',
  website_url VARCHAR(255) NOT NULL DEFAULT '',
  show_online TINYINT NOT NULL DEFAULT '1',
  time_format VARCHAR(80) NOT NULL DEFAULT '',
  signature TEXT NOT NULL,
  time_offset FLOAT NOT NULL DEFAULT '0',
  avatar VARCHAR(255) NOT NULL DEFAULT '',
  usertitle VARCHAR(255) NOT NULL DEFAULT '',
  member_ip VARBINARY(16),
  member_ip2 VARBINARY(16),
  secret_question VARCHAR(255) NOT NULL DEFAULT '',
  secret_answer VARCHAR(64) NOT NULL DEFAULT '',
  id_theme TINYINT UNSIGNED NOT NULL DEFAULT '0',
  is_activated TINYINT UNSIGNED NOT NULL DEFAULT '1',
  validation_code VARCHAR(10) NOT NULL DEFAULT '',
  id_msg_last_visit INT UNSIGNED NOT NULL DEFAULT '0',
  additional_groups VARCHAR(255) NOT NULL DEFAULT '',
  smiley_set VARCHAR(48) NOT NULL DEFAULT '',
  id_post_group SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  total_time_logged_in INT UNSIGNED NOT NULL DEFAULT '0',
  password_salt VARCHAR(255) NOT NULL DEFAULT '',
  ignore_boards TEXT NOT NULL,
  warning TINYINT NOT NULL DEFAULT '0',
  passwd_flood VARCHAR(12) NOT NULL DEFAULT '',
  pm_receive_from TINYINT UNSIGNED NOT NULL DEFAULT '1',
  timezone VARCHAR(80) NOT NULL DEFAULT '',
  tfa_secret VARCHAR(24) NOT NULL DEFAULT '',
  tfa_backup VARCHAR(64) NOT NULL DEFAULT '',
  PRIMARY KEY (id_member),
  INDEX idx_member_name (member_name),
  INDEX idx_real_name (real_name),
  INDEX idx_email_address (email_address),
  INDEX idx_date_registered (date_registered),
  INDEX idx_id_group (id_group),
  INDEX idx_birthdate (birthdate),
  INDEX idx_posts (posts),
  INDEX idx_last_login (last_login),
  INDEX idx_lngfile (lngfile(30)),
  INDEX idx_id_post_group (id_post_group),
  INDEX idx_warning (warning),
  INDEX idx_total_time_logged_in (total_time_logged_in),
  INDEX idx_id_theme (id_theme),
  INDEX idx_active_real_name (is_activated, real_name)
) ${tableOptions}`,

    `CREATE TABLE ${p}topics (
  id_topic MEDIUMINT UNSIGNED AUTO_INCREMENT,
  is_sticky TINYINT NOT NULL DEFAULT '0',
  id_board SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  id_first_msg INT UNSIGNED NOT NULL DEFAULT '0',
  id_last_msg INT UNSIGNED NOT NULL DEFAULT '0',
  id_member_started MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  id_member_updated MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  id_poll MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  id_previous_board SMALLINT NOT NULL DEFAULT '0',
  id_previous_topic MEDIUMINT NOT NULL DEFAULT '0',
  num_replies INT UNSIGNED NOT NULL DEFAULT '0',
  num_views INT UNSIGNED NOT NULL DEFAULT '0',
  locked TINYINT NOT NULL DEFAULT '0',
  redirect_expires INT UNSIGNED NOT NULL DEFAULT '0',
  id_redirect_topic MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  unapproved_posts SMALLINT NOT NULL DEFAULT '0',
  approved TINYINT NOT NULL DEFAULT '1',
  PRIMARY KEY (id_topic),
  UNIQUE idx_last_message (id_last_msg, id_board),
  UNIQUE idx_first_message (id_first_msg, id_board),
  UNIQUE idx_poll (id_poll, id_topic),
  INDEX idx_is_sticky (is_sticky),
  INDEX idx_approved (approved),
  INDEX idx_member_started (id_member_started, id_board),
  INDEX idx_last_message_sticky (id_board, is_sticky, id_last_msg),
  INDEX idx_board_news (id_board, id_first_msg)
) ${tableOptions}`,

    `CREATE TABLE ${p}messages (
  id_msg INT UNSIGNED AUTO_INCREMENT,
  id_topic MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  id_board SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  poster_time INT UNSIGNED NOT NULL DEFAULT '0',
  id_member MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  id_msg_modified INT UNSIGNED NOT NULL DEFAULT '0',
  subject VARCHAR(255) NOT NULL DEFAULT '',
  poster_name VARCHAR(255) NOT NULL DEFAULT '',
  poster_email VARCHAR(255) NOT NULL DEFAULT '',
  poster_ip VARBINARY(16),
  smileys_enabled TINYINT NOT NULL DEFAULT '1',
  modified_time INT UNSIGNED NOT NULL DEFAULT '0',
  modified_name VARCHAR(255) NOT NULL DEFAULT '',
  modified_reason VARCHAR(255) NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  icon VARCHAR(16) NOT NULL DEFAULT 'xx',
  approved TINYINT NOT NULL DEFAULT '1',
  likes SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  PRIMARY KEY (id_msg),
  UNIQUE idx_id_board (id_board, id_msg, approved),
  UNIQUE idx_id_member (id_member, id_msg),
  INDEX idx_ip_index (poster_ip, id_topic),
  INDEX idx_participation (id_member, id_topic),
  INDEX idx_show_posts (id_member, id_board),
  INDEX idx_id_member_msg (id_member, approved, id_msg),
  INDEX idx_current_topic (id_topic, id_msg, id_member, approved),
  INDEX idx_related_ip (id_member, poster_ip, id_msg),
  INDEX idx_likes (likes)
) ${tableOptions}`,

    `CREATE TABLE ${p}attachments (
  id_attach INT UNSIGNED AUTO_INCREMENT,
  id_thumb INT UNSIGNED NOT NULL DEFAULT '0',
  id_msg INT UNSIGNED NOT NULL DEFAULT '0',
  id_member MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  id_folder TINYINT NOT NULL DEFAULT '1',
  attachment_type TINYINT UNSIGNED NOT NULL DEFAULT '0',
  filename VARCHAR(255) NOT NULL DEFAULT '',
  file_hash VARCHAR(40) NOT NULL DEFAULT '',
  fileext VARCHAR(8) NOT NULL DEFAULT '',
  size INT UNSIGNED NOT NULL DEFAULT '0',
  downloads MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  width MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  height MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  mime_type VARCHAR(128) NOT NULL DEFAULT '',
  approved TINYINT NOT NULL DEFAULT '1',
  PRIMARY KEY (id_attach),
  UNIQUE idx_id_member (id_member, id_attach),
  INDEX idx_id_msg (id_msg),
  INDEX idx_attachment_type (attachment_type),
  INDEX idx_id_thumb (id_thumb)
) ${tableOptions}`,

    `CREATE TABLE ${p}settings (
  variable VARCHAR(255) DEFAULT '',
  value TEXT NOT NULL,
  PRIMARY KEY (variable(30))
) ${tableOptions}`,
  ];
}

// PostgreSQL has no unsigned types: SMF widens each unsigned column one size
// (INT UNSIGNED → bigint, MEDIUMINT → int), so several ids and counters are bigint
// here, which node-postgres returns as strings unless told otherwise.
function postgresTables(p: string): string[] {
  return [
    // SMF's installer creates this with its other MySQL-compatibility functions; of
    // those, only this one is needed here, by the members_birthdate2 index.
    `CREATE OR REPLACE FUNCTION indexable_month_day(date) RETURNS TEXT AS '
  SELECT to_char($1, ''MM-DD'');'
LANGUAGE 'sql' IMMUTABLE STRICT`,

    `CREATE SEQUENCE ${p}categories_seq START WITH 2`,
    `CREATE TABLE ${p}categories (
  id_cat smallint DEFAULT nextval('${p}categories_seq'),
  cat_order smallint NOT NULL DEFAULT '0',
  name varchar(255) NOT NULL DEFAULT '',
  description text NOT NULL,
  can_collapse smallint NOT NULL DEFAULT '1',
  PRIMARY KEY (id_cat)
)`,

    `CREATE SEQUENCE ${p}boards_seq START WITH 2`,
    `CREATE TABLE ${p}boards (
  id_board smallint DEFAULT nextval('${p}boards_seq'),
  id_cat smallint NOT NULL DEFAULT '0',
  child_level smallint NOT NULL DEFAULT '0',
  id_parent smallint NOT NULL DEFAULT '0',
  board_order smallint NOT NULL DEFAULT '0',
  id_last_msg bigint NOT NULL DEFAULT '0',
  id_msg_updated bigint NOT NULL DEFAULT '0',
  member_groups varchar(255) NOT NULL DEFAULT '-1,0',
  id_profile smallint NOT NULL DEFAULT '1',
  name varchar(255) NOT NULL DEFAULT '',
  description text NOT NULL,
  num_topics int NOT NULL DEFAULT '0',
  num_posts int NOT NULL DEFAULT '0',
  count_posts smallint NOT NULL DEFAULT '0',
  id_theme smallint NOT NULL DEFAULT '0',
  override_theme smallint NOT NULL DEFAULT '0',
  unapproved_posts smallint NOT NULL DEFAULT '0',
  unapproved_topics smallint NOT NULL DEFAULT '0',
  redirect varchar(255) NOT NULL DEFAULT '',
  deny_member_groups varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (id_board)
)`,
    `CREATE UNIQUE INDEX ${p}boards_categories ON ${p}boards (id_cat, id_board)`,
    `CREATE INDEX ${p}boards_id_parent ON ${p}boards (id_parent)`,
    `CREATE INDEX ${p}boards_id_msg_updated ON ${p}boards (id_msg_updated)`,
    `CREATE INDEX ${p}boards_member_groups ON ${p}boards (member_groups varchar_pattern_ops)`,

    `CREATE TABLE ${p}board_permissions_view (
  id_group smallint NOT NULL DEFAULT '0',
  id_board smallint NOT NULL,
  deny smallint NOT NULL,
  PRIMARY KEY (id_group, id_board, deny)
)`,

    `CREATE TABLE ${p}board_permissions (
  id_group smallint NOT NULL DEFAULT '0',
  id_profile smallint NOT NULL DEFAULT '0',
  permission varchar(30) NOT NULL DEFAULT '',
  add_deny smallint NOT NULL DEFAULT '1',
  PRIMARY KEY (id_group, id_profile, permission)
)`,

    `CREATE TABLE ${p}permissions (
  id_group smallint NOT NULL DEFAULT '0',
  permission varchar(30) NOT NULL DEFAULT '',
  add_deny smallint NOT NULL DEFAULT '1',
  PRIMARY KEY (id_group, permission)
)`,

    `CREATE SEQUENCE ${p}membergroups_seq START WITH 9`,
    `CREATE TABLE ${p}membergroups (
  id_group smallint DEFAULT nextval('${p}membergroups_seq'),
  group_name varchar(80) NOT NULL DEFAULT '',
  description text NOT NULL,
  online_color varchar(20) NOT NULL DEFAULT '',
  min_posts int NOT NULL DEFAULT '-1',
  max_messages smallint NOT NULL DEFAULT '0',
  icons varchar(255) NOT NULL DEFAULT '',
  group_type smallint NOT NULL DEFAULT '0',
  hidden smallint NOT NULL DEFAULT '0',
  id_parent smallint NOT NULL DEFAULT '-2',
  tfa_required smallint NOT NULL DEFAULT '0',
  PRIMARY KEY (id_group)
)`,
    `CREATE INDEX ${p}membergroups_min_posts ON ${p}membergroups (min_posts)`,

    `CREATE SEQUENCE ${p}members_seq`,
    `CREATE TABLE ${p}members (
  id_member int DEFAULT nextval('${p}members_seq'),
  member_name varchar(80) NOT NULL DEFAULT '',
  date_registered bigint NOT NULL DEFAULT '0',
  posts int NOT NULL DEFAULT '0',
  id_group smallint NOT NULL DEFAULT '0',
  lngfile varchar(255) NOT NULL DEFAULT '',
  last_login bigint NOT NULL DEFAULT '0',
  real_name varchar(255) NOT NULL DEFAULT '',
  instant_messages smallint NOT NULL DEFAULT 0,
  unread_messages smallint NOT NULL DEFAULT 0,
  new_pm smallint NOT NULL DEFAULT '0',
  alerts bigint NOT NULL DEFAULT '0',
  buddy_list text NOT NULL,
  pm_ignore_list text NULL,
  pm_prefs int NOT NULL DEFAULT '0',
  mod_prefs varchar(20) NOT NULL DEFAULT '',
  passwd varchar(64) NOT NULL DEFAULT '',
  email_address varchar(255) NOT NULL DEFAULT '',
  personal_text varchar(255) NOT NULL DEFAULT '',
  birthdate date NOT NULL DEFAULT '1004-01-01',
  website_title varchar(255) NOT NULL DEFAULT '',
  website_url varchar(255) NOT NULL DEFAULT '',
  show_online smallint NOT NULL DEFAULT '1',
  time_format varchar(80) NOT NULL DEFAULT '',
  signature text NOT NULL,
  time_offset float NOT NULL DEFAULT '0',
  avatar varchar(255) NOT NULL DEFAULT '',
  usertitle varchar(255) NOT NULL DEFAULT '',
  member_ip inet,
  member_ip2 inet,
  secret_question varchar(255) NOT NULL DEFAULT '',
  secret_answer varchar(64) NOT NULL DEFAULT '',
  id_theme smallint NOT NULL DEFAULT '0',
  is_activated smallint NOT NULL DEFAULT '1',
  validation_code varchar(10) NOT NULL DEFAULT '',
  id_msg_last_visit int NOT NULL DEFAULT '0',
  additional_groups varchar(255) NOT NULL DEFAULT '',
  smiley_set varchar(48) NOT NULL DEFAULT '',
  id_post_group smallint NOT NULL DEFAULT '0',
  total_time_logged_in bigint NOT NULL DEFAULT '0',
  password_salt varchar(255) NOT NULL DEFAULT '',
  ignore_boards text NOT NULL,
  warning smallint NOT NULL DEFAULT '0',
  passwd_flood varchar(12) NOT NULL DEFAULT '',
  pm_receive_from smallint NOT NULL DEFAULT '1',
  timezone varchar(80) NOT NULL DEFAULT '',
  tfa_secret varchar(24) NOT NULL DEFAULT '',
  tfa_backup varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (id_member)
)`,
    `CREATE INDEX ${p}members_member_name ON ${p}members (member_name varchar_pattern_ops)`,
    `CREATE INDEX ${p}members_real_name ON ${p}members (real_name varchar_pattern_ops)`,
    `CREATE INDEX ${p}members_email_address ON ${p}members (email_address varchar_pattern_ops)`,
    `CREATE INDEX ${p}members_date_registered ON ${p}members (date_registered)`,
    `CREATE INDEX ${p}members_id_group ON ${p}members (id_group)`,
    `CREATE INDEX ${p}members_birthdate ON ${p}members (birthdate)`,
    `CREATE INDEX ${p}members_birthdate2 ON ${p}members (indexable_month_day(birthdate))`,
    `CREATE INDEX ${p}members_posts ON ${p}members (posts)`,
    `CREATE INDEX ${p}members_last_login ON ${p}members (last_login)`,
    `CREATE INDEX ${p}members_lngfile ON ${p}members (lngfile varchar_pattern_ops)`,
    `CREATE INDEX ${p}members_id_post_group ON ${p}members (id_post_group)`,
    `CREATE INDEX ${p}members_warning ON ${p}members (warning)`,
    `CREATE INDEX ${p}members_total_time_logged_in ON ${p}members (total_time_logged_in)`,
    `CREATE INDEX ${p}members_id_theme ON ${p}members (id_theme)`,
    `CREATE INDEX ${p}members_member_name_low ON ${p}members (LOWER(member_name) varchar_pattern_ops)`,
    `CREATE INDEX ${p}members_real_name_low ON ${p}members (LOWER(real_name) varchar_pattern_ops)`,
    `CREATE INDEX ${p}members_active_real_name ON ${p}members (is_activated, real_name)`,

    `CREATE SEQUENCE ${p}topics_seq START WITH 2`,
    `CREATE TABLE ${p}topics (
  id_topic int DEFAULT nextval('${p}topics_seq'),
  is_sticky smallint NOT NULL DEFAULT '0',
  id_board smallint NOT NULL DEFAULT '0',
  id_first_msg int NOT NULL DEFAULT '0',
  id_last_msg bigint NOT NULL DEFAULT '0',
  id_member_started int NOT NULL DEFAULT '0',
  id_member_updated int NOT NULL DEFAULT '0',
  id_poll int NOT NULL DEFAULT '0',
  id_previous_board smallint NOT NULL DEFAULT '0',
  id_previous_topic int NOT NULL DEFAULT '0',
  num_replies bigint NOT NULL DEFAULT '0',
  num_views bigint NOT NULL DEFAULT '0',
  locked smallint NOT NULL DEFAULT '0',
  redirect_expires int NOT NULL DEFAULT '0',
  id_redirect_topic bigint NOT NULL DEFAULT '0',
  unapproved_posts smallint NOT NULL DEFAULT '0',
  approved smallint NOT NULL DEFAULT '1',
  PRIMARY KEY (id_topic)
)`,
    `CREATE UNIQUE INDEX ${p}topics_last_message ON ${p}topics (id_last_msg, id_board)`,
    `CREATE UNIQUE INDEX ${p}topics_first_message ON ${p}topics (id_first_msg, id_board)`,
    `CREATE UNIQUE INDEX ${p}topics_poll ON ${p}topics (id_poll, id_topic)`,
    `CREATE INDEX ${p}topics_is_sticky ON ${p}topics (is_sticky)`,
    `CREATE INDEX ${p}topics_approved ON ${p}topics (approved)`,
    `CREATE INDEX ${p}topics_member_started ON ${p}topics (id_member_started, id_board)`,
    `CREATE INDEX ${p}topics_last_message_sticky ON ${p}topics (id_board, is_sticky, id_last_msg)`,
    `CREATE INDEX ${p}topics_board_news ON ${p}topics (id_board, id_first_msg)`,

    `CREATE SEQUENCE ${p}messages_seq START WITH 2`,
    // modified_name has no default here, unlike in the MySQL file: SMF's own difference.
    `CREATE TABLE ${p}messages (
  id_msg bigint DEFAULT nextval('${p}messages_seq'),
  id_topic int NOT NULL DEFAULT '0',
  id_board smallint NOT NULL DEFAULT '0',
  poster_time bigint NOT NULL DEFAULT '0',
  id_member int NOT NULL DEFAULT '0',
  id_msg_modified int NOT NULL DEFAULT '0',
  subject varchar(255) NOT NULL DEFAULT '',
  poster_name varchar(255) NOT NULL DEFAULT '',
  poster_email varchar(255) NOT NULL DEFAULT '',
  poster_ip inet,
  smileys_enabled smallint NOT NULL DEFAULT '1',
  modified_time int NOT NULL DEFAULT '0',
  modified_name varchar(255) NOT NULL,
  modified_reason varchar(255) NOT NULL DEFAULT '',
  body text NOT NULL,
  icon varchar(16) NOT NULL DEFAULT 'xx',
  approved smallint NOT NULL DEFAULT '1',
  likes smallint NOT NULL DEFAULT '0',
  PRIMARY KEY (id_msg)
)`,
    `CREATE UNIQUE INDEX ${p}messages_id_board ON ${p}messages (id_board, id_msg, approved)`,
    `CREATE UNIQUE INDEX ${p}messages_id_member ON ${p}messages (id_member, id_msg)`,
    `CREATE INDEX ${p}messages_ip_index ON ${p}messages (poster_ip, id_topic)`,
    `CREATE INDEX ${p}messages_participation ON ${p}messages (id_member, id_topic)`,
    `CREATE INDEX ${p}messages_show_posts ON ${p}messages (id_member, id_board)`,
    `CREATE INDEX ${p}messages_id_member_msg ON ${p}messages (id_member, approved, id_msg)`,
    `CREATE INDEX ${p}messages_current_topic ON ${p}messages (id_topic, id_msg, id_member, approved)`,
    `CREATE INDEX ${p}messages_related_ip ON ${p}messages (id_member, poster_ip, id_msg)`,
    `CREATE INDEX ${p}messages_likes ON ${p}messages (likes)`,

    `CREATE SEQUENCE ${p}attachments_seq`,
    `CREATE TABLE ${p}attachments (
  id_attach bigint DEFAULT nextval('${p}attachments_seq'),
  id_thumb bigint NOT NULL DEFAULT '0',
  id_msg bigint NOT NULL DEFAULT '0',
  id_member int NOT NULL DEFAULT '0',
  id_folder smallint NOT NULL DEFAULT '1',
  attachment_type smallint NOT NULL DEFAULT '0',
  filename varchar(255) NOT NULL DEFAULT '',
  file_hash varchar(40) NOT NULL DEFAULT '',
  fileext varchar(8) NOT NULL DEFAULT '',
  size int NOT NULL DEFAULT '0',
  downloads int NOT NULL DEFAULT '0',
  width int NOT NULL DEFAULT '0',
  height int NOT NULL DEFAULT '0',
  mime_type varchar(128) NOT NULL DEFAULT '',
  approved smallint NOT NULL DEFAULT '1',
  PRIMARY KEY (id_attach)
)`,
    `CREATE UNIQUE INDEX ${p}attachments_id_member ON ${p}attachments (id_member, id_attach)`,
    `CREATE INDEX ${p}attachments_id_msg ON ${p}attachments (id_msg)`,
    `CREATE INDEX ${p}attachments_attachment_type ON ${p}attachments (attachment_type)`,
    `CREATE INDEX ${p}attachments_id_thumb ON ${p}attachments (id_thumb)`,

    `CREATE TABLE ${p}settings (
  variable varchar(255) NOT NULL DEFAULT '',
  value text NOT NULL,
  PRIMARY KEY (variable)
)`,
  ];
}

/**
 * The statements that create SMF 2.1's categories, boards, board_permissions_view,
 * board_permissions, permissions, membergroups, members, topics, messages,
 * attachments and settings tables, one statement per string, in an order that runs
 * top to bottom. `prefix` is SMF's `{$db_prefix}` (usually `smf_`).
 */
export function smfDdl(dialect: SmfDdlDialect, prefix: string, options: SmfDdlOptions = {}): string[] {
  checkPrefix(prefix);
  if (dialect === 'postgres') return postgresTables(prefix);
  const charset = options.charset === 'utf8'
    ? 'DEFAULT CHARSET=utf8 COLLATE=utf8_general_ci'
    : 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
  return mysqlTables(prefix, `ENGINE=InnoDB ${charset}`);
}

export interface SmfFulltextOptions {
  /**
   * PostgreSQL only: the text search configuration. SMF uses the `search_language`
   * setting, else the server's default_text_search_config, else 'english'.
   */
  language?: string;
}

/**
 * What SMF's admin panel creates for the "fulltext index" search method
 * (ManageSearch.php, sa=createfulltext, on release-2.1). A query only uses the
 * PostgreSQL index when it repeats the same expression, to_tsvector('<language>', body).
 */
export function smfFulltextIndexDdl(dialect: SmfDdlDialect, prefix: string, options: SmfFulltextOptions = {}): string[] {
  checkPrefix(prefix);
  if (dialect === 'mysql') return [`ALTER TABLE ${prefix}messages ADD FULLTEXT body (body)`];
  const language = options.language ?? 'english';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(language)) {
    throw new Error(`"${language}" is not a text search configuration name.`);
  }
  return [`CREATE INDEX ${prefix}messages_ftx ON ${prefix}messages USING gin(to_tsvector('${language}', body))`];
}
