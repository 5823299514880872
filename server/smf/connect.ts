// Opens the forum's database for reading, in either family SMF supports, behind one
// Kysely instance typed with the tables we read. Every session is made read-only and
// gets a statement timeout, so a slow query answers 503 instead of holding a worker,
// and even a misconfigured account with write grants cannot change the forum.
import { IdentifierNode, Kysely, MysqlDialect, OperationNodeTransformer, PostgresDialect } from 'kysely';
import type {
  Dialect as KyselyDialect, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, TableNode,
  UnknownRow,
} from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import type { SmfDatabase } from './schema';
import { SMF_TABLES } from './schema';

export type Dialect = 'mysql' | 'postgres';

export interface ForumDatabase {
  db: Kysely<SmfDatabase>;
  dialect: Dialect;
  /** Closes the pool; the process can then exit. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  url: string;
  dialect: Dialect;
  tablePrefix: string;
  statementTimeoutMs: number;
  poolSize: number;
  /** Called once per executed query: the query-count tests and logs use it. */
  onQuery?: (sqlText: string) => void;
}

/**
 * Renames SMF's bare table names to the forum's prefixed ones (`messages` →
 * `smf_messages`). Only the names of SMF tables are touched, so aliases such as
 * `m` or `fm` pass through; queries never alias a table with another table's name.
 */
class TablePrefixTransformer extends OperationNodeTransformer {
  readonly #prefix: string;
  readonly #names: ReadonlySet<string> = new Set(SMF_TABLES);

  constructor(prefix: string) {
    super();
    this.#prefix = prefix;
  }

  protected override transformTable(node: TableNode): TableNode {
    const transformed = super.transformTable(node);
    const { identifier, schema } = transformed.table;
    if (schema || !this.#names.has(identifier.name)) return transformed;
    return { ...transformed, table: { ...transformed.table, identifier: IdentifierNode.create(this.#prefix + identifier.name) } };
  }
}

export class TablePrefixPlugin implements KyselyPlugin {
  readonly #transformer: TablePrefixTransformer;

  constructor(prefix: string) {
    this.#transformer = new TablePrefixTransformer(prefix);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** SMF table prefixes are plain identifiers; anything else is a configuration mistake. */
export function checkTablePrefix(prefix: string): void {
  if (!/^[A-Za-z0-9_]{0,32}$/.test(prefix)) {
    throw new Error(`The table prefix "${prefix}" is not a plain identifier (letters, digits, underscores).`);
  }
}

function mysqlDialect(options: ConnectOptions): MysqlDialect {
  // MariaDB takes fractional seconds; MySQL takes whole milliseconds.
  const seconds = Math.max(0.001, options.statementTimeoutMs / 1000);
  const pool = createPool({
    uri: options.url,
    connectionLimit: options.poolSize,
    charset: 'utf8mb4',
    connectTimeout: 5_000,
    // Text columns stay strings; SMF keeps times as integers, never DATETIME.
    dateStrings: true,
    enableKeepAlive: true,
  });
  // Each new session: read-only, and a per-statement time limit. MariaDB and MySQL
  // name the limit differently; each refuses the other's name, so both are sent (the
  // refusal is ignored) and queued before any query of ours can run on the session.
  const ignore = (): void => undefined;
  pool.on('connection', (connection) => {
    connection.query('SET SESSION TRANSACTION READ ONLY', ignore);
    connection.query('SET SESSION max_statement_time = ?', [seconds], ignore);
    connection.query('SET SESSION max_execution_time = ?', [Math.ceil(options.statementTimeoutMs)], ignore);
  });
  return new MysqlDialect({ pool });
}

/**
 * SMF makes several ids and times BIGINT on PostgreSQL (and COUNT(*) is BIGINT), which
 * node-postgres returns as strings. SMF's values stay far below 2^53, so they are read
 * as numbers for this pool only, not by changing pg's global parsers.
 */
const bigintAsNumber = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser;

function postgresDialect(options: ConnectOptions): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    // The server only reads; the session says so, so a write fails even with a careless grant.
    options: '-c default_transaction_read_only=on',
    types: { getTypeParser: bigintAsNumber },
  });
  // A client whose server goes away emits 'error'; with no listener that would end the
  // process. The pool listens on idle clients only, so every client gets one of its own
  // (a query running at that moment fails on its own and answers 503). The pool drops
  // the broken client, and the next query connects anew.
  pool.on('error', (error) => console.warn('[db] idle connection lost:', error.message));
  pool.on('connect', (client) => client.on('error', (error) => console.warn('[db] connection lost:', error.message)));
  return new PostgresDialect({ pool });
}

export function connectForum(options: ConnectOptions): ForumDatabase {
  const dialect = options.dialect === 'mysql' ? mysqlDialect(options) : postgresDialect(options);
  return wrapForum(dialect, options.dialect, options.tablePrefix, options.onQuery);
}

/** A Kysely over any dialect (the embedded demo database too), with the table prefix applied. */
export function wrapForum(
  dialect: KyselyDialect,
  kind: Dialect,
  tablePrefix: string,
  onQuery?: (sqlText: string) => void,
): ForumDatabase {
  checkTablePrefix(tablePrefix);
  const db = new Kysely<SmfDatabase>({
    dialect,
    plugins: [new TablePrefixPlugin(tablePrefix)],
    log: onQuery ? (event) => onQuery(event.query.sql) : undefined,
  });
  return { db, dialect: kind, close: () => db.destroy() };
}
