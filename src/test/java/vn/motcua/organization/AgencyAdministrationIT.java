package vn.motcua.organization;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;
import vn.motcua.platform.InvalidFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MotCuaIntegrationTest
class AgencyAdministrationIT {

	@LocalServerPort
	int port;

	@Autowired
	AgencyAdministration administration;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorAddsAUnitOnThePageAndEndsItLater() {
		// under a parent of its own that has already ended, so that no other test's view of today's tree changes
		administration.save(new Agency("TEST_ROOT", "Đơn vị kiểm thử", "UBND_CM", AgencyLevel.DEPARTMENT, null,
				LocalDate.of(2020, 1, 1), LocalDate.of(2026, 6, 30), false), "admin");
		WebSession web = new WebSession(port);
		web.signIn("admin", "admin");
		HttpResponse<String> form = web.get("/admin/agencies/new");
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> bad = web.post("/admin/agencies", WebSession.csrf(form.body()),
				"code=SXD_KTVL&name=Ph%C3%B2ng+Ki%E1%BB%83m+%C4%91%E1%BB%8Bnh+v%E1%BA%ADt+li%E1%BB%87u&parentCode=TEST_ROOT&level=DIVISION"
						+ "&validFrom=31%2F02%2F2026");
		assertThat(bad.body()).contains("không đúng dạng dd/MM/yyyy");
		assertThat(agencies.find("SXD_KTVL")).isEmpty();
		HttpResponse<String> ok = web.post("/admin/agencies", WebSession.csrf(bad.body()),
				"code=SXD_KTVL&name=Ph%C3%B2ng+Ki%E1%BB%83m+%C4%91%E1%BB%8Bnh+v%E1%BA%ADt+li%E1%BB%87u&parentCode=TEST_ROOT&level=DIVISION"
						+ "&validFrom=01%2F01%2F2026");
		assertThat(WebSession.location(ok)).endsWith("/staff/agencies?saved=SXD_KTVL");
		Agency unit = agencies.find("SXD_KTVL").orElseThrow();
		assertThat(unit.name()).isEqualTo("Phòng Kiểm định vật liệu");
		assertThat(agencies.isWithin("SXD_KTVL", "UBND_CM")).isTrue();

		administration.save(new Agency("SXD_KTVL", unit.name(), "TEST_ROOT", AgencyLevel.DIVISION, null,
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), false), "admin");
		assertThat(agencies.validOn(LocalDate.of(2026, 7, 1))).extracting(Agency::code).doesNotContain("SXD_KTVL");
		assertThat(agencies.all()).extracting(Agency::code).contains("SXD_KTVL");
		assertThat(jdbc.sql("select action from audit_record where subject_id = 'SXD_KTVL' order by id")
			.query(String.class).list()).containsExactly("agency.created", "agency.changed");

		WebSession officer = new WebSession(port);
		officer.signIn("officer", "officer");
		assertThat(officer.get("/admin/agencies/new").statusCode()).isEqualTo(403);
	}

	@Test
	void aUnitCannotBeMovedUnderItsOwnSubtree() {
		Agency province = agencies.find("UBND_CM").orElseThrow();
		assertThatThrownBy(() -> administration.save(new Agency(province.code(), province.name(), "SXD",
				province.level(), province.identifier(), province.validFrom(), province.validTo(), province.demo()),
				"admin"))
			.isInstanceOfSatisfying(InvalidFields.class,
					e -> assertThat(e.errors()).extracting(InvalidFields.Error::messageKey).contains("agency.parent.cycle"));
		Agency sxd = agencies.find("SXD").orElseThrow();
		assertThatThrownBy(() -> administration.save(new Agency("NEW_UNIT", "Đơn vị mới", "UBND_CM",
				AgencyLevel.DIVISION, sxd.identifier(), null, null, false), "admin"))
			.isInstanceOf(InvalidFields.class);
		assertThat(agencies.find("UBND_CM").orElseThrow().parentCode()).isNull();
	}
}
