package vn.motcua.notification;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identifiers.EmailAddress;
import vn.motcua.identifiers.PhoneNumber;
import vn.motcua.platform.InvalidFields;

/** Citizens' notification preferences, kept by their personal ID number. */
@Component
class Preferences {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final NotificationSettings.Outbox settings;

	Preferences(JdbcClient jdbc, AuditLog audit, Clock clock, NotificationSettings.Outbox settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
	}

	Optional<NotificationPreference> find(@Nullable String idNumber) {
		if (idNumber == null) {
			return Optional.empty();
		}
		return jdbc.sql("select channels, language, email, phone from notification_preference where id_number = ?")
			.param(idNumber)
			.query((rs, n) -> new NotificationPreference(channels(rs.getArray(1)), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.optional();
	}

	/** The citizen's preference, or what everyone gets: the default channels, in Vietnamese. */
	NotificationPreference of(@Nullable String idNumber) {
		return find(idNumber).orElseGet(() -> new NotificationPreference(settings.channels(), "vi", null, null));
	}

	@Transactional
	NotificationPreference save(String idNumber, NotificationPreference p) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (!Templates.LANGUAGES.contains(p.language())) {
			errors.add("language", "notification.template.language");
		}
		if (p.email() != null && !p.email().isBlank() && !EmailAddress.isValid(p.email().strip())) {
			errors.add("email", "identifiers.email");
		}
		if (p.phone() != null && !p.phone().isBlank() && !PhoneNumber.isValid(p.phone())) {
			errors.add("phone", "identifiers.phone");
		}
		errors.throwIfAny();
		String email = blank(p.email()) ? null : p.email().strip();
		String phone = blank(p.phone()) ? null : p.phone().strip();
		jdbc.sql("""
				insert into notification_preference (id_number, channels, language, email, phone, updated_at)
				values (:id, :channels, :language, :email, :phone, :at)
				on conflict (id_number) do update set channels = excluded.channels, language = excluded.language,
				  email = excluded.email, phone = excluded.phone, updated_at = excluded.updated_at""")
			.param("id", idNumber)
			.param("channels", p.channels().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("language", p.language())
			.param("email", email)
			.param("phone", phone)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		audit.record(new AuditEntry(idNumber, "notification.preference-saved", "citizen", idNumber,
				Map.of("channels", p.channels().stream().map(Enum::name).sorted().toList(), "language", p.language())));
		return of(idNumber);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static Set<NotificationChannel> channels(Array array) throws java.sql.SQLException {
		String[] names = (String[]) array.getArray();
		Set<NotificationChannel> set = EnumSet.noneOf(NotificationChannel.class);
		Arrays.stream(names).map(NotificationChannel::valueOf).forEach(set::add);
		return set;
	}

	static String describe(Set<NotificationChannel> channels) {
		return channels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}
}
