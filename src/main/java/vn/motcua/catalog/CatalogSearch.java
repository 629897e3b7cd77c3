package vn.motcua.catalog;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import vn.motcua.catalog.search.CatalogIndex;
import vn.motcua.catalog.search.Synonyms;
import vn.motcua.platform.Csv;
import vn.motcua.platform.Zones;

/**
 * Keeps this instance's search index in step with the catalog (docs/adr/0013): built from PostgreSQL at the first
 * search, then before each search the rows changed by transactions that had not finished at the previous look are
 * read again (one indexed query), so a procedure published on any instance is found at once everywhere; synonyms
 * are reread when they change, and how often each procedure is filed every ten minutes.
 */
@Component
class CatalogSearch {

	private static final Duration DEMAND_EVERY = Duration.ofMinutes(10);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ObjectProvider<ProcedureDemand> demand;
	private final CatalogIndex index = new CatalogIndex();
	private final ReentrantLock lock = new ReentrantLock();
	private boolean built;
	/** The oldest transaction still running at the previous look: rows it or later ones change are read again. */
	private String since = "0";
	private final Map<String, String> seen = new HashMap<>();
	private String synonymsMark = "";
	private Instant demandReadAt = Instant.MIN;

	CatalogSearch(JdbcClient jdbc, Clock clock, ObjectProvider<ProcedureDemand> demand) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.demand = demand;
	}

	@PreDestroy
	void close() {
		index.close();
	}

	/** The defaults of catalog/search-synonyms.csv, once in the life of the database. */
	@EventListener(ApplicationReadyEvent.class)
	void loadDefaultSynonyms() throws java.io.IOException {
		boolean first = jdbc.sql("""
				insert into catalog_synonym_defaults (loaded_at)
				select ? where not exists (select 1 from catalog_synonym_defaults)""")
			.param(Timestamp.from(clock.instant())).update() > 0;
		if (first) {
			for (Map.Entry<String, String> e : defaults().entrySet()) {
				jdbc.sql("""
						insert into catalog_synonym (phrase, replacements, updated_at, updated_by) values (?, ?, ?, 'system')
						on conflict (phrase) do nothing""")
					.params(e.getKey(), e.getValue(), Timestamp.from(clock.instant())).update();
			}
		}
		refresh();
	}

	static Map<String, String> defaults() throws java.io.IOException {
		Map<String, String> table = new LinkedHashMap<>();
		try (var in = new ClassPathResource("catalog/search-synonyms.csv").getInputStream()) {
			Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8), row -> {
				if (row.line() > 1 && row.fields().size() >= 2) {
					table.put(row.fields().get(0).strip(), row.fields().get(1).strip());
				}
			});
		}
		return table;
	}

	CatalogIndex.Hits search(String text, ProcedureQuery q) {
		refresh();
		return index.search(text, new CatalogIndex.Filter(q.field(), q.agency(), q.level(), q.onlineLevel(),
				q.includeInternal()), q.page() * q.size(), q.size());
	}

	/** Brings the index up to the catalog as it is now. */
	void refresh() {
		lock.lock();
		try {
			// one round trip for the snapshot's horizon and the synonyms' mark
			String[] look = jdbc.sql("""
					select pg_snapshot_xmin(pg_current_snapshot())::text,
					       (select coalesce(max(updated_at)::text, '') || '/' || count(*) from catalog_synonym)""")
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.single();
			String xmin = look[0];
			String mark = look[1];
			List<CatalogIndex.Entry> put = new ArrayList<>();
			List<String> removed = new ArrayList<>();
			jdbc.sql("""
					select p.code, p.change_xid::text as xid, p.name, f.name as field, p.agency_code, p.level,
					       p.online_level, p.internal, p.status
					from procedure p join procedure_field f on f.id = p.field_id
					where p.change_xid >= cast(? as xid8)""")
				.param(built ? since : "0")
				.query((java.sql.ResultSet rs) -> {
					String code = rs.getString("code");
					String xid = rs.getString("xid");
					if (xid.equals(seen.put(code, xid))) {
						return; // read again, unchanged
					}
					if (rs.getString("status").equals("PUBLISHED")) {
						put.add(new CatalogIndex.Entry(code, rs.getString("name"), rs.getString("field"),
								rs.getString("agency_code"), rs.getString("level"), rs.getString("online_level"),
								rs.getBoolean("internal")));
					}
					else {
						removed.add(code);
					}
				});
			since = xmin;
			if (!mark.equals(synonymsMark)) {
				Map<String, String> table = new LinkedHashMap<>();
				jdbc.sql("select phrase, replacements from catalog_synonym").query((java.sql.ResultSet rs) -> {
					table.put(rs.getString(1), rs.getString(2));
				});
				index.synonyms(Synonyms.of(table));
				synonymsMark = mark;
			}
			Instant now = clock.instant();
			if (!built || demandReadAt.isBefore(now.minus(DEMAND_EVERY)) || demandReadAt.isAfter(now)) {
				ProcedureDemand source = demand.getIfAvailable();
				if (source != null) {
					index.frequency(source.receivedSince(LocalDate.ofInstant(now, Zones.VIETNAM).minusYears(1)));
				}
				demandReadAt = now;
			}
			if (!put.isEmpty()) {
				index.put(put);
			}
			if (!removed.isEmpty()) {
				index.remove(removed);
			}
			built = true;
		}
		finally {
			lock.unlock();
		}
	}

	/** How many procedures the index holds (published, internal ones included). */
	int size() {
		return index.size();
	}
}
