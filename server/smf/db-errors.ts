// Which failures mean "the database is down, busy or slow" (a 503 the reader retries)
// rather than a bug (a 500). Both drivers report connection trouble with Node's
// socket codes; timeouts and shutdowns have codes of their own per server.
const UNAVAILABLE_CODES = new Set([
  // sockets
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN', 'ENOENT',
  // mysql2
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN',
  'ER_STATEMENT_TIMEOUT', 'ER_QUERY_TIMEOUT', 'ER_LOCK_WAIT_TIMEOUT', 'ER_TOO_MANY_USER_CONNECTIONS',
  // PostgreSQL SQLSTATEs: query_canceled (statement timeout), admin/crash shutdown, cannot connect now,
  // too many connections, connection exceptions
  '57014', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006',
]);

const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection .*closed|Pool is closed|server closed the connection|Can't add new command when connection is in closed state/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (UNAVAILABLE_CODES.has(code)) return true;
  // MariaDB's statement time limit (errno 1969) and MySQL's (3024) when the code name is absent.
  const errno = 'errno' in error ? Number(error.errno) : 0;
  if (errno === 1969 || errno === 3024) return true;
  const message = error instanceof Error ? error.message : '';
  if (UNAVAILABLE_MESSAGES.test(message)) return true;
  // AggregateError from a failed connect to several addresses.
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return false;
}

/** A statement that ran past the time limit, as opposed to a lost connection. */
export function isStatementTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  const errno = 'errno' in error ? Number(error.errno) : 0;
  return code === '57014' || code === 'ER_STATEMENT_TIMEOUT' || code === 'ER_QUERY_TIMEOUT' || errno === 1969 || errno === 3024;
}
