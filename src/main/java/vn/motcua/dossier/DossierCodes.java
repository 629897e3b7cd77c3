package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.organization.Agency;
import vn.motcua.platform.Zones;

/**
 * Mã hồ sơ {@code {identifier of the receiving unit}-{yyMMdd}-{NNNN}}: the unit's electronic identifier, the
 * day of filing, and a number per unit per day from 0001 (five digits past 9999). The counter row is locked
 * until the filing commits, so concurrent filings queue for it and a failed filing gives its number back.
 */
@Component
class DossierCodes {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private final JdbcClient jdbc;

	DossierCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(Agency receivingUnit, Instant at) {
		LocalDate day = at.atZone(Zones.VIETNAM).toLocalDate();
		int number = jdbc.sql("""
				insert into dossier_counter (unit_code, day, last) values (:unit, :day, 1)
				on conflict (unit_code, day) do update set last = dossier_counter.last + 1
				returning last""")
			.param("unit", receivingUnit.code())
			.param("day", day)
			.query(Integer.class)
			.single();
		String prefix = receivingUnit.identifier() == null ? receivingUnit.code() : receivingUnit.identifier();
		return prefix + "-" + DAY.format(day) + "-" + String.format("%04d", number);
	}
}
