package vn.motcua.dossier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's statement log ({@code log_statement = all}, prefix {@code '%m [%p] '}) back into the
 * transactions each connection ran, with bind parameters put back into the SQL, and writes them as a
 * pgbench script.
 */
final class StatementLog {

	private static final Pattern LINE = Pattern.compile("^\\S+ \\S+ \\S+ \\[(\\d+)\\] (LOG|DETAIL):  (.*)$");
	private static final Pattern STATEMENT = Pattern.compile("^(?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);
	private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']|'')*')");
	private static final Pattern UUID_LITERAL = Pattern
		.compile("'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'");
	private static final Pattern AUDIT_ID = Pattern.compile("^(insert into audit_record .*?values\\s*\\()\\s*'?\\d+'?,", Pattern.DOTALL);
	private static final Pattern CODE = Pattern.compile("'([0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.H[0-9]{2}-[0-9]{6}-[0-9]{4,5})'");

	private StatementLog() {
	}

	/** The transactions in log order; statements outside BEGIN … COMMIT are transactions of their own. */
	static List<List<String>> transactions(List<String> lines) {
		List<String[]> entries = new ArrayList<>(); // pid, kind, text
		for (String line : lines) {
			Matcher m = LINE.matcher(line);
			if (m.matches()) {
				entries.add(new String[] { m.group(1), m.group(2), m.group(3) });
			}
			else if (!entries.isEmpty() && (line.startsWith("\t") || line.startsWith(" "))) {
				String[] last = entries.get(entries.size() - 1);
				last[2] = last[2] + "\n" + line;
			}
		}
		Map<String, List<String>> open = new HashMap<>();
		List<List<String>> done = new ArrayList<>();
		String[] pending = null;
		for (int i = 0; i < entries.size(); i++) {
			String[] e = entries.get(i);
			if (!e[1].equals("LOG")) {
				continue;
			}
			Matcher s = STATEMENT.matcher(e[2]);
			if (!s.matches()) {
				continue;
			}
			String sql = s.group(1).strip();
			if (i + 1 < entries.size() && entries.get(i + 1)[1].equals("DETAIL") && entries.get(i + 1)[0].equals(e[0])
					&& entries.get(i + 1)[2].toLowerCase().startsWith("parameters:")) {
				sql = bind(sql, entries.get(i + 1)[2]);
			}
			String upper = sql.toUpperCase();
			if (upper.startsWith("ALTER SYSTEM") || upper.startsWith("SELECT PG_RELOAD_CONF") || upper.isEmpty()) {
				continue;
			}
			if (upper.startsWith("BEGIN")) {
				open.put(e[0], new ArrayList<>());
			}
			else if (upper.equals("COMMIT") || upper.equals("ROLLBACK")) {
				List<String> tx = open.remove(e[0]);
				if (tx != null && !tx.isEmpty()) {
					done.add(tx);
				}
			}
			else if (open.containsKey(e[0])) {
				open.get(e[0]).add(sql);
			}
			else {
				done.add(List.of(sql));
			}
		}
		return done;
	}

	/**
	 * One pgbench transaction replays the captured transactions: dossier codes become unique per client and
	 * run, generated UUIDs too (the same original UUID the same fresh one), and audit ids the next free one (as the application computes it under its
	 * lock), so that inserts never collide with the committed rows; each captured transaction commits, as the
	 * application's did.
	 *
	 * @return how many application requests one pgbench transaction stands for
	 */
	static int writePgbenchScript(List<List<String>> transactions, Path script) throws IOException {
		// the capture ran one client: filing = registry log + filing transaction; forward = one transaction
		StringBuilder out = new StringBuilder("\\set r random(1, 2000000000)\n");
		int requests = 0;
		for (List<String> tx : transactions) {
			boolean filing = tx.stream().anyMatch(s -> s.startsWith("insert into dossier ("));
			boolean forward = tx.stream().anyMatch(s -> s.startsWith("update dossier set status"));
			requests += filing || forward ? 1 : 0;
			out.append("BEGIN;\n");
			for (String sql : tx) {
				// keys the application generated would collide with the rows it committed: make them fresh
				String unique = CODE.matcher(sql).replaceAll("'$1-:client_id-:r'");
				// the same fresh UUID wherever the original appears (an insert and the update that finds it by
				// its key), as a constant: gen_random_uuid() in a WHERE clause is drawn again for every row scanned
				unique = UUID_LITERAL.matcher(unique)
					.replaceAll(u -> "md5('" + u.group().replace("'", "") + "-:client_id-:r')::uuid");
				unique = AUDIT_ID.matcher(unique).replaceFirst("$1nextval('audit_record_id_seq'),");
				if (unique.startsWith("insert into audit_record")) {
					int at = unique.lastIndexOf("'", unique.lastIndexOf("'") - 1);
					unique = unique.substring(0, at) + "encode(sha256(gen_random_uuid()::text::bytea), 'hex')"
							+ unique.substring(unique.lastIndexOf("'") + 1);
				}
				out.append(unique.replace("\n", " ")).append(";\n");
			}
			out.append("COMMIT;\n");
		}
		Files.writeString(script, out);
		return requests;
	}

	private static String bind(String sql, String detail) {
		Map<Integer, String> values = new HashMap<>();
		Matcher p = PARAMETER.matcher(detail);
		while (p.find()) {
			values.put(Integer.parseInt(p.group(1)), p.group(2));
		}
		String bound = sql;
		for (int n = values.size(); n >= 1; n--) {
			String v = values.get(n);
			if (v != null) {
				bound = bound.replace("$" + n, v);
			}
		}
		return bound;
	}
}
