package vn.motcua.notification;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.TextRules;

/**
 * The templates, versioned: an edit adds a version and the newest is used; the first versions come from
 * {@code notification/default-templates.json} the first time an instance starts on a database without them. A
 * Zalo message uses the SMS text unless a Zalo template exists; an English one the Vietnamese text when no
 * English version exists.
 */
@Component
class Templates {

	static final Set<String> LANGUAGES = Set.of("vi", "en");

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	Templates(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The template a message uses now, falling back from Zalo to SMS and from English to Vietnamese. */
	Optional<NotificationTemplate> current(NoticeEvent event, NotificationChannel channel, String language) {
		List<NotificationChannel> channels = channel == NotificationChannel.ZALO
				? List.of(NotificationChannel.ZALO, NotificationChannel.SMS) : List.of(channel);
		for (String lang : language.equals("vi") ? List.of("vi") : List.of(language, "vi")) {
			for (NotificationChannel c : channels) {
				Optional<NotificationTemplate> t = jdbc.sql("""
						select * from notification_template where event = ? and channel = ? and language = ?
						order by version desc limit 1""")
					.params(event.name(), c.name(), lang)
					.query(Templates::row)
					.optional();
				if (t.isPresent()) {
					return t;
				}
			}
		}
		return Optional.empty();
	}

	/** The newest version of every template, in the order of the events, then channel, Vietnamese first. */
	List<NotificationTemplate> all() {
		return jdbc.sql("""
				select distinct on (event, channel, language) * from notification_template
				order by event, channel, language, version desc""")
			.query(Templates::row)
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(NotificationTemplate::event)
				.thenComparing(NotificationTemplate::channel)
				.thenComparing(t -> !t.language().equals("vi")))
			.toList();
	}

	/** Every version of one template, newest first. */
	List<NotificationTemplate> versions(NoticeEvent event, NotificationChannel channel, String language) {
		return jdbc.sql("""
				select * from notification_template where event = ? and channel = ? and language = ? order by version desc""")
			.params(event.name(), channel.name(), language)
			.query(Templates::row)
			.list();
	}

	/** Checks a text as {@link #save} would: every mistake by field. */
	static void check(NoticeEvent event, NotificationChannel channel, String language, @Nullable String subject,
			@Nullable String body) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (!LANGUAGES.contains(language)) {
			errors.add("language", "notification.template.language");
		}
		if (body == null || body.isBlank()) {
			errors.add("body", "notification.template.body-empty");
		}
		else if (!TextRules.fits(body, TextRules.FREE_TEXT)) {
			errors.add("body", "notification.template.body-long", TextRules.FREE_TEXT);
		}
		if (channel == NotificationChannel.EMAIL && (subject == null || subject.isBlank())) {
			errors.add("subject", "notification.template.subject-missing");
		}
		else if (subject != null && !TextRules.fits(subject, TextRules.NAME)) {
			errors.add("subject", "notification.template.subject-long", TextRules.NAME);
		}
		Set<String> unknown = new java.util.TreeSet<>();
		for (String text : java.util.Arrays.asList(subject, body)) {
			if (text != null) {
				TemplateText.fields(text).stream().filter(f -> !event.placeholders().contains(f)).forEach(unknown::add);
			}
		}
		if (!unknown.isEmpty()) {
			errors.add("body", "notification.template.fields-unknown",
					String.join(", ", unknown.stream().map(f -> "((" + f + "))").toList()),
					String.join(", ", event.placeholderList()));
		}
		errors.throwIfAny();
	}

	/** Adds a version of the template and audits it; the next message uses it. */
	@Transactional
	NotificationTemplate save(NoticeEvent event, NotificationChannel channel, String language, @Nullable String subject,
			String body, String actor) {
		check(event, channel, language, subject, body);
		String s = channel == NotificationChannel.EMAIL && subject != null ? subject.strip() : null;
		int version = jdbc.sql("""
				select coalesce(max(version), 0) + 1 from notification_template where event = ? and channel = ? and language = ?""")
			.params(event.name(), channel.name(), language)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into notification_template (event, channel, language, version, subject, body, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(event.name(), channel.name(), language, version, s, body.strip(), Timestamp.from(clock.instant()), actor)
			.update();
		audit.record(new AuditEntry(actor, "notification.template-saved", "notification_template",
				event + "/" + channel + "/" + language, Map.of("version", version)));
		return versions(event, channel, language).get(0);
	}

	/** Writes the bundled first versions of templates that have none yet; safe when instances start together. */
	@Transactional
	void seed() {
		JsonNode list;
		try (InputStream in = new ClassPathResource("notification/default-templates.json").getInputStream()) {
			list = JsonMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("notification/default-templates.json unreadable", e);
		}
		for (JsonNode t : list) {
			jdbc.sql("""
					insert into notification_template (event, channel, language, version, subject, body, created_at, created_by)
					select ?, ?, ?, 1, ?, ?, ?, 'system'
					where not exists (select 1 from notification_template where event = ? and channel = ? and language = ?)
					on conflict do nothing""")
				.params(t.get("event").asString(), t.get("channel").asString(), t.get("language").asString(),
						t.get("subject").isNull() ? null : t.get("subject").asString(), t.get("body").asString(),
						Timestamp.from(clock.instant()), t.get("event").asString(), t.get("channel").asString(),
						t.get("language").asString())
				.update();
		}
	}

	private static NotificationTemplate row(ResultSet rs, int n) throws SQLException {
		return new NotificationTemplate(NoticeEvent.valueOf(rs.getString("event")),
				NotificationChannel.valueOf(rs.getString("channel")), rs.getString("language"), rs.getInt("version"),
				rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"));
	}
}
