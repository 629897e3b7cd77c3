package vn.motcua.identity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Citizen accounts in PostgreSQL, upserted at each e-ID sign-in so name and level stay current. */
@Repository
class JdbcCitizenAccounts implements CitizenAccounts {

	private final JdbcClient jdbc;

	JdbcCitizenAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<CitizenAccount> find(String idNumber) {
		return jdbc.sql("""
				select id_number, full_name, date_of_birth, assurance_level, business_tax_code, business_name
				from citizen_account where id_number = :id""")
			.param("id", idNumber)
			.query((rs, n) -> new CitizenAccount(rs.getString(1), rs.getString(2),
					rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getInt(4), rs.getString(5),
					rs.getString(6)))
			.optional();
	}

	/** @return true when the account is new */
	boolean signedIn(CitizenAccount account, String issuer, String subject, Instant at) {
		return jdbc.sql("""
				insert into citizen_account (id_number, full_name, date_of_birth, assurance_level, business_tax_code,
				  business_name, issuer, subject, first_sign_in, last_sign_in)
				values (:id, :name, :born, :level, :tax, :business, :issuer, :subject, :at, :at)
				on conflict (id_number) do update set full_name = excluded.full_name,
				  date_of_birth = excluded.date_of_birth, assurance_level = excluded.assurance_level,
				  business_tax_code = excluded.business_tax_code, business_name = excluded.business_name,
				  issuer = excluded.issuer, subject = excluded.subject, last_sign_in = excluded.last_sign_in
				returning (xmax = 0)""")
			.param("id", account.idNumber())
			.param("name", account.fullName())
			.param("born", account.dateOfBirth() == null ? null : Date.valueOf(account.dateOfBirth()))
			.param("level", account.assuranceLevel())
			.param("tax", account.businessTaxCode())
			.param("business", account.businessName())
			.param("issuer", issuer)
			.param("subject", subject)
			.param("at", Timestamp.from(at))
			.query(Boolean.class)
			.single();
	}
}
