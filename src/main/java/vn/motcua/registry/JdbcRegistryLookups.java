package vn.motcua.registry;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Hashes;
import vn.motcua.registry.PopulationRegistry.Answer;
import vn.motcua.registry.PopulationRegistry.RegistryUnreachable;

/**
 * Asks the port and writes the log. The log row is written in its own transaction: the lookup happened
 * even if the caller's work (a filing, say) later rolls back, and the citizen must still see it.
 */
final class JdbcRegistryLookups implements RegistryLookups {

	private static final Logger log = LoggerFactory.getLogger(JdbcRegistryLookups.class);

	private final PopulationRegistry registry;
	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	/** How long the registry took to answer, or to fail, by outcome ({@code motcua.registry.requests}). */
	private io.micrometer.core.instrument.Timer timer(String outcome) {
		return io.micrometer.core.instrument.Timer.builder("motcua.registry.requests")
			.description("Population registry exchanges by outcome: answered, unavailable, not-asked (circuit open)")
			.tag("outcome", outcome)
			.register(meters);
	}

	private final io.micrometer.core.instrument.MeterRegistry meters;

	JdbcRegistryLookups(PopulationRegistry registry, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
		this.meters = meters;
		this.registry = registry;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public void linkToDossier(java.util.UUID lookupId, String dossierCode) {
		jdbc.sql("insert into registry_lookup_dossier (lookup_id, dossier_code) values (?, ?) on conflict do nothing")
			.params(lookupId, dossierCode)
			.update();
	}

	@Override
	public Verification verify(String idNumber, String fullName, LocalDate dateOfBirth, RegistryPurpose why) {
		Map<String, Object> request = request("VERIFY", idNumber, why);
		request.put("hoVaTen", fullName);
		request.put("ngaySinh", dateOfBirth.toString());
		Exchange exchange = exchange(idNumber, why);
		RegistryResult result = exchange.answer == null ? RegistryResult.UNAVAILABLE
				: exchange.answer.resident()
					.map(r -> !Names.same(r.fullName(), fullName) || !r.dateOfBirth().equals(dateOfBirth)
							? RegistryResult.NO_MATCH
							: r.alive() ? RegistryResult.MATCH : RegistryResult.DECEASED)
					.orElse(RegistryResult.NOT_FOUND);
		return new Verification(result, write(exchange, "VERIFY", result, request, why, idNumber));
	}

	@Override
	public Lookup lookUp(String idNumber, RegistryPurpose why) {
		Map<String, Object> request = request("LOOKUP", idNumber, why);
		Exchange exchange = exchange(idNumber, why);
		Optional<Resident> resident = exchange.answer == null ? Optional.empty() : exchange.answer.resident();
		RegistryResult result = exchange.answer == null ? RegistryResult.UNAVAILABLE
				: resident.map(r -> r.alive() ? RegistryResult.MATCH : RegistryResult.DECEASED)
					.orElse(RegistryResult.NOT_FOUND);
		return new Lookup(result, write(exchange, "LOOKUP", result, request, why, idNumber), resident);
	}

	private Exchange exchange(String idNumber, RegistryPurpose why) {
		UUID id = UUID.randomUUID();
		long started = System.nanoTime();
		try {
			Exchange answered = new Exchange(id, registry.ask(idNumber, why, id), null);
			timer("answered").record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
			return answered;
		}
		catch (RegistryUnreachable e) {
			timer(e.withoutAttempt() ? "not-asked" : "unavailable").record(System.nanoTime() - started,
					java.util.concurrent.TimeUnit.NANOSECONDS);
			if (e.withoutAttempt()) {
				log.debug("Population registry not asked ({}); carrying on without the check", e.getMessage());
			}
			else {
				log.warn("Population registry unavailable ({}); carrying on without the check", e.getMessage());
			}
			return new Exchange(id, null, e.getMessage());
		}
	}

	private UUID write(Exchange exchange, String kind, RegistryResult result, Map<String, Object> request,
			RegistryPurpose why, String idNumber) {
		String requestJson = json.writeValueAsString(request);
		ownTransaction.executeWithoutResult(tx -> jdbc
			.sql("""
					insert into registry_lookup (id, at, actor, purpose, dossier_code, id_number, kind, result,
					  request, request_hash, response_hash, failure)
					values (:id, :at, :actor, :purpose, :dossier, :idNumber, :kind, :result, cast(:request as jsonb),
					  :requestHash, :responseHash, :failure)""")
			.param("id", exchange.id)
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", why.actor())
			.param("purpose", why.purpose())
			.param("dossier", why.dossierCode())
			.param("idNumber", idNumber)
			.param("kind", kind)
			.param("result", result.name())
			.param("request", requestJson)
			.param("requestHash", Hashes.sha256Hex(requestJson.getBytes(StandardCharsets.UTF_8)))
			.param("responseHash", exchange.answer == null ? null : Hashes.sha256Hex(exchange.answer.body()))
			.param("failure", exchange.failure)
			.update());
		return exchange.id;
	}

	@Override
	public List<LoggedLookup> log(@Nullable String idNumber, int page, int size) {
		return jdbc.sql("""
				select id, at, actor, purpose, coalesce(dossier_code, (select d.dossier_code from registry_lookup_dossier d
				  where d.lookup_id = id)) as dossier_code, id_number, kind, result, response_hash
				from registry_lookup where (cast(:idNumber as text) is null or id_number = :idNumber)
				order by at desc, id limit :size offset :offset""")
			.param("idNumber", idNumber)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(JdbcRegistryLookups::row)
			.list();
	}

	@Override
	public long count(@Nullable String idNumber) {
		return jdbc.sql("select count(*) from registry_lookup where (cast(:idNumber as text) is null or id_number = :idNumber)")
			.param("idNumber", idNumber)
			.query(Long.class)
			.single();
	}

	@Override
	public void export(Instant from, Instant to, Consumer<LoggedLookup> sink) {
		try (var rows = jdbc.sql("""
				select id, at, actor, purpose, coalesce(dossier_code, (select d.dossier_code from registry_lookup_dossier d
				  where d.lookup_id = id)) as dossier_code, id_number, kind, result, response_hash
				from registry_lookup where at >= :from and at < :to order by at, id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(JdbcRegistryLookups::row)
			.stream()) {
			rows.forEach(sink);
		}
	}

	private static LoggedLookup row(ResultSet rs, int n) throws SQLException {
		return new LoggedLookup(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
				rs.getString("actor"), rs.getString("purpose"), rs.getString("dossier_code"),
				rs.getString("id_number"), rs.getString("kind"), RegistryResult.valueOf(rs.getString("result")),
				rs.getString("response_hash"));
	}

	private static Map<String, Object> request(String kind, String idNumber, RegistryPurpose why) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("kind", kind);
		request.put("soDinhDanh", idNumber);
		request.put("mucDich", why.purpose());
		request.put("maHoSo", why.dossierCode());
		return request;
	}

	private record Exchange(UUID id, @Nullable Answer answer, @Nullable String failure) {
	}
}
