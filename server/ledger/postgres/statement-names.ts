/** How many distinct statements get a name; past it, a statement is planned afresh each time, as before. */
const MAX_NAMED = 256;

/**
 * Names for the ledger's parameterised statements, so that node-postgres prepares each once per connection and then
 * only binds and executes it: PostgreSQL parses the text once and may keep its plan, instead of parsing and
 * planning on every call (most of the database's work per punch on the replay's hot path). The ledger's texts are
 * constants and a few filter combinations; the cap bounds what a connection keeps should that ever change.
 * Prepared statements name the columns they answer (no bare `SELECT *` result): PostgreSQL re-plans them after
 * another instance's migration adds a column, but refuses a prepared statement whose result type would change.
 */
export function createStatementNames(): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    const known = names.get(text);
    if (known !== undefined || names.size >= MAX_NAMED) return known;
    const name = `ledger_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
}
