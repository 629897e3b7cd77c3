package vn.motcua.organization;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.Csv;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.DemoSeed;

/**
 * Seeds Cà Mau's agency tree in demo mode, before the server accepts requests. The identifiers are made
 * up and the rows flagged {@code demo}; units of the former Bạc Liêu province and the abolished districts
 * carry their end date.
 */
@Component
@DemoMode
@Order(DemoAgencySeeder.ORDER)
class DemoAgencySeeder implements DemoSeed {

	/** Before anything that refers to units. */
	static final int ORDER = 100;

	static final String RESOURCE = "organization/demo-agencies-ca-mau.csv";

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;

	DemoAgencySeeder(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
	}

	@Override
	public void seed() {
		List<Agency> agencies = read();
		tx.executeWithoutResult(status -> {
			int changed = 0;
			for (Agency a : agencies) {
				changed += jdbc.sql("""
						insert into agency (code, name, parent_code, level, identifier, valid_from, valid_to, demo)
						values (:code, :name, :parent, :level, :identifier, :from, :to, true)
						on conflict (code) do update set name = excluded.name, parent_code = excluded.parent_code,
						  level = excluded.level, identifier = excluded.identifier, valid_from = excluded.valid_from,
						  valid_to = excluded.valid_to
						where (agency.name, agency.parent_code, agency.level, agency.identifier, agency.valid_from,
						       agency.valid_to) is distinct from
						      (excluded.name, excluded.parent_code, excluded.level, excluded.identifier,
						       excluded.valid_from, excluded.valid_to)""")
					.param("code", a.code())
					.param("name", a.name())
					.param("parent", a.parentCode())
					.param("level", a.level().name())
					.param("identifier", a.identifier())
					.param("from", a.validFrom())
					.param("to", a.validTo())
					.update();
			}
			if (changed > 0) {
				audit.record(AuditEntry.of("system", "organization.demo-seeded", "agency", "*")
					.with(Map.of("rowsChanged", changed)));
			}
		});
	}

	static List<Agency> read() {
		List<Agency> result = new ArrayList<>();
		try (Reader in = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
			Csv.read(in, row -> {
				List<String> f = row.fields();
				if (row.line() > 1) { // header
					result.add(new Agency(f.get(0), f.get(1), blankToNull(f.get(2)), AgencyLevel.valueOf(f.get(3)),
							blankToNull(f.get(4)), date(f.get(5)), date(f.get(6)), true));
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return result;
	}

	private static String blankToNull(String s) {
		return s.isBlank() ? null : s;
	}

	private static LocalDate date(String s) {
		return s.isBlank() ? null : LocalDate.parse(s);
	}
}
