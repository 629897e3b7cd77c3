package vn.motcua.calendar;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@MotCuaIntegrationTest
class CalendarApiIT {

	@Autowired
	JdbcClient jdbc;

	Api api;

	@Test
	void daysOffOf2026ListEveryNonWorkingWeekdayWithAVietnameseReason() {
		Api.Response r = api.get("/api/v1/calendar/days-off?year=2026");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("year").asInt()).isEqualTo(2026);
		List<String> dates = r.json().get("daysOff").valueStream().map(d -> d.get("date").asString()).toList();
		assertThat(dates).containsSubsequence("2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
				"2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-02");
		assertThat(dates).doesNotContain("2026-04-26"); // Sunday: compensated on Monday 27/04
		assertThat(dates).isSorted();
		JsonNode compensation = r.json().get("daysOff").valueStream()
			.filter(d -> d.get("date").asString().equals("2026-04-27"))
			.findFirst()
			.orElseThrow();
		assertThat(compensation.get("reason").asString()).contains("Giỗ Tổ Hùng Vương");
		assertThat(r.json().get("workingDays").isArray()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "1899", "2200", "2026.5", "-2026" })
	void badYearsAre400(String year) {
		Api.Response r = api.get("/api/v1/calendar/days-off?year=" + year);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
	}

	@Test
	void missingYearIs400() {
		assertThat(api.get("/api/v1/calendar/days-off").status()).isEqualTo(400);
	}

	@Test
	void everySupportedYearAnswers() {
		for (int year : new int[] { 1900, 1968, 1985, 2000, 2030, 2100, 2199 }) {
			Api.Response r = api.get("/api/v1/calendar/days-off?year=" + year);
			assertThat(r.status()).as("year %d", year).isEqualTo(200);
			assertThat(r.json().get("daysOff").size()).isGreaterThanOrEqualTo(7);
		}
	}

	@Test
	void anAdministratorDeclaresTheYearAndTheDueDatesFollow() {
		String admin = api.token("admin");
		Api.Response put = api.send(put("/api/v1/calendar/years/2027",
				"{\"daysOff\":[\"2027-09-03\",{\"date\":\"2027-02-12\",\"reason\":\"Nghỉ Tết thêm theo thông báo\"}],"
						+ "\"workingDays\":[\"2027-02-20\"]}"), admin);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		List<String> off = put.json().get("daysOff").valueStream().map(d -> d.get("date").asString()).toList();
		assertThat(off).contains("2027-02-12", "2027-09-03");
		assertThat(put.json().get("workingDays").valueStream().map(JsonNode::asString).toList())
			.containsExactly("2027-02-20");
		JsonNode declared = put.json().get("daysOff").valueStream()
			.filter(d -> d.get("date").asString().equals("2027-02-12"))
			.findFirst()
			.orElseThrow();
		assertThat(declared.get("reason").asString()).isEqualTo("Nghỉ Tết thêm theo thông báo");

		// Friday 19/02/2027 16:00 + 2 hours: the declared working Saturday 20/02 counts
		Api.Response due = api.get("/api/v1/calendar/due?from=" + enc("2027-02-19T16:00:00+07:00") + "&workingHours=2");
		assertThat(due.json().get("due").asString()).isEqualTo("2027-02-20T08:00:00+07:00");
		// Wednesday 01/09/2027 16:00 + 2 hours: Thursday 02/09 is statutory, the declared Friday 03/09 is off
		Api.Response due2 = api.get("/api/v1/calendar/due?from=" + enc("2027-09-01T16:00:00+07:00") + "&workingHours=2");
		assertThat(due2.json().get("due").asString()).isEqualTo("2027-09-06T08:00:00+07:00");

		assertThat(jdbc.sql("select count(*) from audit_record where action = 'calendar.schedule-replaced' and subject_id = '2027'")
			.query(Long.class)
			.single()).isPositive();

		// replacing with nothing removes the declaration
		assertThat(api.send(put("/api/v1/calendar/years/2027", "{\"daysOff\":[],\"workingDays\":[]}"), admin).status())
			.isEqualTo(200);
		assertThat(api.get("/api/v1/calendar/due?from=" + enc("2027-02-19T16:00:00+07:00") + "&workingHours=2")
			.json()
			.get("due")
			.asString()).isEqualTo("2027-02-22T08:00:00+07:00");
	}

	@Test
	void everyBadDeclarationIsReportedAndNothingChanges() {
		String admin = api.token("admin");
		api.send(put("/api/v1/calendar/years/2028", "{\"daysOff\":[\"2028-03-03\"],\"workingDays\":[]}"), admin);
		Api.Response r = api.send(put("/api/v1/calendar/years/2028", """
				{"daysOff":["2027-12-31", "2028-03-04", "nonsense", {"date":"2028-03-06"}],
				 "workingDays":["2028-03-07", "2028-04-30", "2028-03-11"]}"""), admin);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		List<String> fields = r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		// outside the year; Saturday as a day off; not a date; Tuesday as a working day; 30/4 (statutory) as working
		assertThat(fields).containsExactly("daysOff[0]", "daysOff[1]", "daysOff[2]", "workingDays[0]",
				"workingDays[1]");
		List<String> off = api.get("/api/v1/calendar/days-off?year=2028")
			.json()
			.get("daysOff")
			.valueStream()
			.map(d -> d.get("date").asString())
			.toList();
		assertThat(off).contains("2028-03-03").doesNotContain("2028-03-06");
	}

	@Test
	void onlyAdministratorsDeclare() {
		String body = "{\"daysOff\":[],\"workingDays\":[]}";
		assertThat(api.send(put("/api/v1/calendar/years/2029", body), null).status()).isEqualTo(401);
		assertThat(api.send(put("/api/v1/calendar/years/2029", body), api.token("officer")).status()).isEqualTo(403);
		assertThat(api.send(put("/api/v1/calendar/years/1800", body), api.token("admin")).status()).isEqualTo(400);
		assertThat(api.send(put("/api/v1/calendar/years/2029", "[1,2]"), api.token("admin")).status()).isEqualTo(400);
		assertThat(api.send(put("/api/v1/calendar/years/2029", "{\"daysOff\":\"2029-01-02\"}"), api.token("admin"))
			.status()).isEqualTo(400);
	}

	@Test
	void dueDateAsTheContractShowsIt() {
		Api.Response r = api.get("/api/v1/calendar/due?from=" + enc("2026-04-24T10:00:00+07:00") + "&workingDays=1");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("from").asString()).isEqualTo("2026-04-24T10:00:00+07:00");
		// Friday 10:00 + 8 h: 5 h on Friday, Monday 27/04 compensates Hùng Kings, 3 h on Tuesday
		assertThat(r.json().get("due").asString()).isEqualTo("2026-04-28T10:00:00+07:00");
		Api.Response utc = api.get("/api/v1/calendar/due?from=2026-04-24T03:00:00Z&workingHours=5");
		assertThat(utc.json().get("from").asString()).isEqualTo("2026-04-24T10:00:00+07:00");
		assertThat(utc.json().get("due").asString()).isEqualTo("2026-04-24T17:00:00+07:00");
		// an unencoded '+' arrives as a space and is still understood
		Api.Response plus = api.get("/api/v1/calendar/due?from=2026-04-24T10:00:00+07:00&workingHours=1");
		assertThat(plus.json().get("due").asString()).isEqualTo("2026-04-24T11:00:00+07:00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "workingDays=1&workingHours=8", "", "workingDays=0", "workingDays=366",
			"workingHours=2921", "workingDays=1.5", "workingDays=abc", "workingDays=-1", "workingHours=", "workingDays=1e2",
			"workingDays=%2B3" })
	void badDurationsAre400(String query) {
		Api.Response r = api.get("/api/v1/calendar/due?from=" + enc("2026-04-24T10:00:00+07:00") + "&" + query);
		assertThat(r.status()).as(query).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-04-24T10:00:00", "2026-04-24", "tomorrow", "1899-12-31T10:00:00%2B07:00",
			"2200-01-01T10:00:00%2B07:00" })
	void badStartsAre400(String from) {
		Api.Response r = api.get("/api/v1/calendar/due?from=" + from + "&workingDays=1");
		assertThat(r.status()).as(from).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@Test
	void missingStartIs400() {
		assertThat(api.get("/api/v1/calendar/due?workingDays=1").status()).isEqualTo(400);
	}

	@Test
	void durationsAtTheUpperBoundsAnswer() {
		assertThat(api.get("/api/v1/calendar/due?from=" + enc("2026-04-24T10:00:00+07:00") + "&workingDays=365")
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/calendar/due?from=" + enc("2199-12-31T10:00:00+07:00") + "&workingHours=2920")
			.status()).isEqualTo(200);
	}

	@Test
	void workingTimeBetweenTwoInstants() {
		Api.Response r = api.get("/api/v1/calendar/working-time?from=" + enc("2026-04-24T10:00:00+07:00") + "&to="
				+ enc("2026-04-28T10:00:00+07:00"));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("workingMinutes").asLong()).isEqualTo(480);
	}

	private HttpRequest.Builder put(String path, String body) {
		return HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.PUT(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
